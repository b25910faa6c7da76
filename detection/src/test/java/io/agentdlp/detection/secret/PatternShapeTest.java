package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.text.AgentText;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts the scanner takes around the regex engine must never change a result: the assignment gate
 * may only drop keyword hits where the rule's regex cannot match, and {@code lookingAt} may only replace
 * {@code find} for allow patterns that match at the start or nowhere. Checked against the regex engine on
 * generated and corpus text.
 */
class PatternShapeTest {
    private static final String A = PatternShape.ASSIGNMENT;

    @Test
    void recognisesNamePrefixesFollowedByTheAssignment() {
        assertThat(PatternShape.startsWithAssignment("(?i:(?:password|pwd|pass(?![a-z])))" + A + "(x)")).isTrue();
        assertThat(PatternShape.startsWithAssignment("(?i:cohere[\\w.\\-]{0,20}?(?:api[_.\\-]?)?(?:key|token)|co_api_key)" + A + "(x)")).isTrue();
        assertThat(PatternShape.startsWithAssignment("(?:(?i:airtable)" + A + "[ \\t]{0,4})(pat[a-z]{4})")).isTrue();
        // the operator directly after the name prefix
        String operator = PatternShape.OPERATOR;
        assertThat(PatternShape.startsWithAssignment("(?i:secret[_.\\-]?key|aws[_.\\-]?secret(?:[_.\\-]?key)?)" + operator + "(x)")).isTrue();
        assertThat(PatternShape.startsWithAssignment("(?:(?i:xi-api-key)" + operator + "[ \\t]{0,4})(sk_[a-f0-9]{4})")).isTrue();
        assertThat(PatternShape.startsWithAssignment("(?i:aws|secret)x" + operator + "(x)")).isTrue();
        assertThat(PatternShape.startsWithAssignment("(?i:a)|b" + operator + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("a\\s" + operator + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("(?:a" + operator + "x|y)z")).isFalse();
        assertThat(RuleCatalog.builtIn().rules().stream().filter(r -> PatternShape.startsWithAssignment(r.pattern().pattern()))
                .map(SecretRule::id)).contains("aws-secret-access-key", "aws-session-token", "generic-api-key");
        // a top-level alternative, a prefix that may consume other chars, or an alternative in the first group
        assertThat(PatternShape.startsWithAssignment("(?i:a)|b" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("a" + A + "(x)|y")).isFalse();
        assertThat(PatternShape.startsWithAssignment("a.b" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("a\\sb" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("a[^x]" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("a[0-z]" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("(?:a" + A + "x|y)z")).isFalse();
        assertThat(PatternShape.startsWithAssignment("(?<n>a)" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("(?i)a" + A + "(x)")).isFalse();
        assertThat(PatternShape.startsWithAssignment("\\bpassword=(x)")).isFalse();
    }

    @Test
    void recognisesTheUserPartOfUrlCredentials() {
        assertThat(PatternShape.userinfoGate("(?<=[a-z0-9])://([^:/?#\\s'\"@]{1,128}):([^@]{3,256})@")).isNotNull();
        assertThat(PatternShape.userinfoGate("https://[^:/\\s@]{1,100}:([^@/\\s]{8,256})@")).isNotNull();
        // the run must end at ':' (':' excluded from it), the regex must have no top-level alternative
        assertThat(PatternShape.userinfoGate("https://[^/\\s@]{1,100}:(x)")).isNull();
        assertThat(PatternShape.userinfoGate("https://[^:/\\s@]{1,100}:(x)|y")).isNull();
        assertThat(PatternShape.userinfoGate("https://[^:/\\s@]{0,100}:(x)")).isNull();
        assertThat(PatternShape.userinfoGate("(?i)https://[^:/\\s@]{1,100}:(x)")).isNull();
        String sample = "https://user:pw@host https://:pw@h https://u/x:pw@h HTTPS://u:p@h";
        char[] text = sample.toCharArray();
        PatternShape.UserinfoGate gate = PatternShape.userinfoGate("https://[^:/\\s@]{1,100}:([^@/\\s]{8,256})@");
        assertThat(gate.admits(text, 0, text.length)).isTrue();
        assertThat(gate.admits(text, sample.indexOf("https://:"), text.length)).isFalse();
        assertThat(gate.admits(text, sample.indexOf("https://u/"), text.length)).isFalse();
        assertThat(gate.admits(text, sample.indexOf("HTTPS"), text.length)).isFalse();
        assertThat(gate.admits(text, 0, 12)).isFalse();
    }

    @Test
    void theUserinfoGateNeverDropsAKeywordHitWhereTheRuleMatches() {
        List<String> texts = new ArrayList<>(corpusTexts());
        Random random = new Random(13);
        String[] parts = {"https://", "http://", "postgres://", "://", "user", "u", ":", "@", "/", "?", "#", " ", "\n", "'",
                "p%40ss", "S3cr3tPassw0rd", "github.com", "host.git", "-", "_", ".", "\u00e9"};
        StringBuilder generated = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            generated.append(parts[random.nextInt(parts.length)]);
        }
        // URL-shaped: scheme, user, ':', password, '@', host, each part drawn from an alphabet with separators
        String alphabet = "abcXYZ019-_.%:/@?# '\"";
        String[] schemes = {"https://", "http://", "postgres://", "mongodb+srv://", "HTTPS://", "x://"};
        String[] hosts = {"github.com", "gitlab.com", "db.internal", "scm.acme.io", "host.git"};
        for (int i = 0; i < 4_000; i++) {
            generated.append(' ').append(schemes[random.nextInt(schemes.length)]);
            for (String part : new String[]{"user", ":", "password", "@"}) {
                int n = part.length() == 1 ? 1 : random.nextInt(part.equals("user") ? 10 : 30);
                for (int k = 0; k < n; k++) {
                    generated.append(part.length() == 1 && random.nextInt(8) > 0 ? part.charAt(0)
                            : alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 9)));
                }
            }
            generated.append(hosts[random.nextInt(hosts.length)]);
        }
        texts.add(generated.toString());
        List<SecretRule> gated = RuleCatalog.builtIn().rules().stream()
                .filter(r -> r.anchored() && PatternShape.userinfoGate(r.pattern().pattern()) != null).toList();
        assertThat(gated).extracting(SecretRule::id).contains("url-credentials", "git-credentials");
        long matches = 0;
        long dropped = 0;
        for (SecretRule rule : gated) {
            PatternShape.UserinfoGate gate = PatternShape.userinfoGate(rule.pattern().pattern());
            for (String text : texts) {
                char[] chars = text.toCharArray();
                String lower = text.toLowerCase(Locale.ROOT);
                Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int end = Math.min(text.length(), at + keyword.length() + rule.windowAfter());
                        boolean match = m.region(at, end).lookingAt();
                        boolean admitted = gate.admits(chars, at, end);
                        if (match) {
                            matches++;
                            assertThat(admitted).as("%s at %d", rule.id(), at).isTrue();
                        } else if (!admitted) {
                            dropped++;
                        }
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(100);
        assertThat(dropped).isGreaterThan(1_000);
    }

    @Test
    void recognisesStartAnchoredPatterns() {
        for (String p : List.of("^[A-Za-z]+$", "(?i)^https?:", "(?i)^(?:true|false)$", "^[\\$%<{\\[]", "^a[|]")) {
            assertThat(PatternShape.startAnchored(p)).as(p).isTrue();
        }
        for (String p : List.of("^a|b", "(?m)^a", "a^", "(?i)\\.(?:pem|key)$", "\\Q^\\E|x", "(?x) ^a", "(?i)(?:^a|b)")) {
            assertThat(PatternShape.startAnchored(p)).as(p).isFalse();
        }
    }

    @Test
    void theAssignmentGateNeverDropsAKeywordHitWhereTheRuleMatches() {
        List<String> texts = new ArrayList<>(corpusTexts());
        Random random = new Random(11);
        List<SecretRule> gated = RuleCatalog.builtIn().rules().stream()
                .filter(r -> r.anchored() && PatternShape.startsWithAssignment(r.pattern().pattern())).toList();
        assertThat(gated).hasSizeGreaterThan(40);
        for (SecretRule rule : gated) {
            texts.add(generatedAssignments(rule, random));
        }
        long matches = 0;
        long dropped = 0;
        for (SecretRule rule : gated) {
            for (String text : texts) {
                char[] chars = text.toCharArray();
                String lower = text.toLowerCase(Locale.ROOT);
                Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int end = Math.min(text.length(), at + keyword.length() + rule.windowAfter());
                        boolean match = m.region(at, end).lookingAt();
                        int operator = PatternShape.assignmentOperator(chars, at, chars.length);
                        boolean gate = operator >= 0 && operator < end;
                        if (match) {
                            matches++;
                            assertThat(gate).as("%s at %d", rule.id(), at).isTrue();
                        } else if (!gate) {
                            dropped++;
                        }
                    }
                }
            }
        }
        // the check must have seen both outcomes many times to mean anything
        assertThat(matches).isGreaterThan(1_000);
        assertThat(dropped).isGreaterThan(1_000);
    }

    /** The gate before one walk answered every window of a hit: the walk bounded by the window's end. */
    private static boolean assignmentFollowsReference(char[] text, int start, int end) {
        int i = start;
        while (i < end && PatternShape.isNameChar(text[i])) {
            i++;
        }
        if (i < end && (text[i] == '"' || text[i] == '\'')) {
            i++;
        }
        int blanks = 0;
        while (i < end && blanks < 4 && (text[i] == ' ' || text[i] == '\t')) {
            i++;
            blanks++;
        }
        return i < end && (text[i] == '=' || text[i] == ':' || text[i] == '?');
    }

    @Test
    void oneWalkToTheOperatorAnswersEveryWindowAsTheBoundedWalkDid() {
        Random random = new Random(13);
        String alphabet = "aZ09_.-\"' \t=:?/\n\u00e9\u0660";
        long admitted = 0;
        long refused = 0;
        for (int t = 0; t < 20_000; t++) {
            char[] text = new char[random.nextInt(24)];
            for (int i = 0; i < text.length; i++) {
                // long name runs and blank runs as often as single chars
                text[i] = alphabet.charAt(random.nextInt(3) == 0 ? random.nextInt(alphabet.length()) : random.nextInt(8));
            }
            for (int start = 0; start <= text.length; start++) {
                int operator = PatternShape.assignmentOperator(text, start, text.length);
                int runEnd = start;
                while (runEnd < text.length && PatternShape.isNameChar(text[runEnd])) {
                    runEnd++;
                }
                for (int end = start; end <= text.length; end++) {
                    boolean expected = assignmentFollowsReference(text, start, end);
                    assertThat(operator >= 0 && operator < end).as("start %d end %d", start, end).isEqualTo(expected);
                    // the walk may start anywhere inside the name run (after a keyword of name chars)
                    for (int from = start; from <= runEnd; from++) {
                        int fromInside = PatternShape.assignmentOperator(text, from, text.length);
                        assertThat(fromInside >= 0 && fromInside < end).isEqualTo(expected);
                    }
                    if (expected) {
                        admitted++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        assertThat(admitted).isGreaterThan(10_000);
        assertThat(refused).isGreaterThan(10_000);
    }

    @Test
    void lookingAtAgreesWithFindOnStartAnchoredAllowPatterns() {
        List<Pattern> anchored = RuleCatalog.builtIn().rules().stream().flatMap(r -> r.allow().stream())
                .filter(p -> PatternShape.startAnchored(p.pattern())).distinct().toList();
        assertThat(anchored).hasSizeGreaterThan(10);
        List<String> inputs = new ArrayList<>(List.of("abc", "ABC_DEF", "a.b.c", "/etc/x", "C:\\x", "$X", "https://x",
                "http:", "true", "TRUE", "123", "your-key", "{abc=}", "00000000-", "", "\n", "x\nabc"));
        Random random = new Random(5);
        String alphabet = "aAzZ09_-./\\:$%<{[!&*|>@+ \nhtpsyourEXAMPLE";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(20);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (Pattern p : anchored) {
            for (String s : inputs) {
                assertThat(p.matcher(s).lookingAt()).as("%s on %s", p, s).isEqualTo(p.matcher(s).find());
            }
        }
        // the distinct allow lists: most generic rules share one
        List<List<Pattern>> allowLists = RuleCatalog.builtIn().rules().stream().map(SecretRule::allow)
                .collect(java.util.stream.Collectors.toMap(l -> l.stream().map(Pattern::pattern).toList(), l -> l, (x, y) -> x))
                .values().stream().toList();
        for (List<Pattern> allow : allowLists) {
            Pattern union = PatternShape.startAnchoredUnion(allow);
            List<Pattern> atStart = allow.stream().filter(PatternShape::inStartAnchoredUnion).toList();
            assertThat(union == null).isEqualTo(atStart.isEmpty());
            if (union != null) {
                for (String s : inputs) {
                    boolean any = atStart.stream().anyMatch(p -> p.matcher(s).find());
                    assertThat(union.matcher(s).lookingAt()).as("%s on %s", union, s).isEqualTo(any);
                }
            }
        }
    }

    private static List<String> corpusTexts() {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        List<String> texts = new ArrayList<>();
        for (boolean secrets : new boolean[]{true, false}) {
            String raw = corpus.traffic(100_000, secrets);
            texts.add(raw);
            texts.add(AgentText.normalize(raw).toString());
        }
        return texts;
    }

    /** Keyword occurrences followed by near-miss and real assignment shapes. */
    private static String generatedAssignments(SecretRule rule, Random random) {
        String[] names = {"", "_KEY", ".value", "-x", "_a_very_long_suffix_of_name_chars_0123456789", "Ab9"};
        String[] quotes = {"", "\"", "'", "\"\""};
        String[] blanks = {"", " ", "\t", "    ", "     ", " \t "};
        String[] operators = {"=", ":=", "=>", ":", "?=", "-", "(", " ", ";", "\n", ""};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String keyword = rule.keywords().get(random.nextInt(rule.keywords().size()));
            sb.append(random.nextBoolean() ? keyword : keyword.toUpperCase(Locale.ROOT))
                    .append(names[random.nextInt(names.length)])
                    .append(quotes[random.nextInt(quotes.length)])
                    .append(blanks[random.nextInt(blanks.length)])
                    .append(operators[random.nextInt(operators.length)])
                    .append(blanks[random.nextInt(blanks.length)])
                    .append(quotes[random.nextInt(quotes.length)]);
            for (int k = 0, n = 8 + random.nextInt(60); k < n; k++) {
                sb.append("aZ09f_-+/=.~!".charAt(random.nextInt(13)));
            }
            sb.append(random.nextBoolean() ? "\n" : " ");
        }
        for (String tp : rule.examples().truePositives()) {
            sb.append(tp).append('\n');
        }
        for (String example : rule.examples().falsePositives()) {
            sb.append(example).append('\n');
        }
        return sb.toString();
    }

    /**
     * The generic rules' allow patterns use possessive runs where the char after a run can never be one of
     * the run's chars (a separator or the end), so backtracking into the run cannot find a match: the
     * possessive forms match exactly the strings the backtracking forms (before the fifth round) matched.
     */
    @Test
    void possessiveAllowPatternsMatchWhatTheirBacktrackingFormsMatched() {
        String[][] pairs = {
                {"^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+$", "^[A-Za-z_$][\\w$]*+(?:\\.[A-Za-z_$][\\w$]*+)+$"},
                {"^[a-z]+(?:_[a-z]+)+$", "^[a-z]++(?:_[a-z]++)+$"},
                {"^[A-Z]+(?:_[A-Z0-9]+)+$", "^[A-Z]++(?:_[A-Z0-9]++)+$"},
                {"^[a-z]+(?:-[a-z]+)+$", "^[a-z]++(?:-[a-z]++)+$"},
                {"^[-.a-z_]*(?:/[-.a-z_]+)+/?$", "^[-.a-z_]*+(?:/[-.a-z_]++)+/?$"},
        };
        List<Pattern> shipped = RuleCatalog.builtIn().rules().stream().flatMap(r -> r.allow().stream()).toList();
        Random random = new Random(5);
        String alphabet = "abzAZ09_$.-/\n\u00e9";
        // per string, mostly the chars of one value shape, with a few of any kind
        String[] shapes = {alphabet, "abz_", "AZ09_", "abz-", "ab./_", "aZ0$.", "ab"};
        for (String[] pair : pairs) {
            assertThat(shipped).extracting(Pattern::pattern).contains(pair[1]).doesNotContain(pair[0]);
            Pattern backtracking = Pattern.compile(pair[0]);
            Pattern possessive = Pattern.compile(pair[1]);
            int matches = 0;
            for (int i = 0; i < 40_000; i++) {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(14);
                        String chars = shapes[random.nextInt(shapes.length)];
                for (int k = 0; k < n; k++) {
                    sb.append(random.nextInt(5) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                            : chars.charAt(random.nextInt(chars.length())));
                }
                String s = sb.toString();
                boolean expected = backtracking.matcher(s).lookingAt();
                assertThat(possessive.matcher(s).lookingAt()).as("%s on '%s'", pair[1], s).isEqualTo(expected);
                assertThat(possessive.matcher(s).find()).as("%s on '%s'", pair[1], s).isEqualTo(backtracking.matcher(s).find());
                matches += expected ? 1 : 0;
            }
            assertThat(matches).as(pair[1]).isGreaterThan(100);
        }
    }
}
