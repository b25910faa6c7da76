package io.agentdlp.detection.pii;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** E-mail addresses, minus reserved documentation domains, no-reply and git remotes, and asset names like {@code icon@2x.png}. */
final class EmailMatcher implements PiiMatcher {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,24}))(?![A-Za-z0-9-])");
    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "localhost", "users.noreply.github.com", "noreply.github.com", "domain.com", "email.com", "test.com",
            "yourcompany.com", "company.com", "acme.com", "foo.com", "bar.com", "mail.com");
    private static final Set<String> RESERVED_TLDS = Set.of("example", "test", "invalid", "localhost", "local",
            "internal", "png", "jpg", "jpeg", "gif", "svg", "webp", "js", "ts", "css", "map", "json", "md", "txt");
    private static final Set<String> ROLE_LOCALS = Set.of("noreply", "no-reply", "donotreply", "do-not-reply",
            "mailer-daemon", "postmaster", "user", "username", "email", "name", "someone", "your.name", "you",
            "john.doe", "jane.doe", "test", "foo", "bar");

    /**
     * An address has six characters ({@code a@b.cd}) and a dot after its {@code @}, which is at or after its
     * span's first one: most spans are {@code name@v4} of workflow files, {@code @Override} and the like.
     */
    static final Spans.Filter SPANS = (s, i) -> s.length(i) >= 6 && s.dots(i) >= 1;

    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        String text = screening.text();
        screening.emails().find(EMAIL, text, SPANS, m -> {
            String local = m.group(1).toLowerCase(Locale.ROOT);
            String domain = m.group(2).toLowerCase(Locale.ROOT);
            String tld = m.group(3).toLowerCase(Locale.ROOT);
            if (RESERVED_TLDS.contains(tld) || ROLE_LOCALS.contains(local) || reserved(domain)) {
                return;
            }
            // git@github.com:org/repo.git and similar scp-style remotes are not personal addresses
            if (m.end() < text.length() && text.charAt(m.end()) == ':' && local.equals("git")) {
                return;
            }
            out.accept(new PiiCandidate(PiiType.EMAIL, m.start(), m.end(), local + "@" + domain, 0.9));
        });
    }

    private static boolean reserved(String domain) {
        if (RESERVED_DOMAINS.contains(domain)) {
            return true;
        }
        for (String r : RESERVED_DOMAINS) {
            if (domain.endsWith("." + r)) {
                return true;
            }
        }
        return false;
    }
}
