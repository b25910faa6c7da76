package io.agentdlp.detection.pii;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Public IPv4 and IPv6 addresses (personal data when they identify a subscriber). Private,
 * loopback, link-local, multicast, CGNAT and documentation ranges are not reported, nor dotted
 * version numbers ({@code v1.2.3.4}, {@code version 10.0.0.1}).
 */
final class IpAddressMatcher implements PiiMatcher {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 = Pattern.compile("(?<![\\d.A-Za-z])" + OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "(?![\\d]|\\.\\d)");
    // a colon-separated hex run; parseV6 decides whether it really is an address
    private static final Pattern V6 = Pattern.compile("(?<![0-9A-Za-z:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Za-z:])");
    /** The union of this matcher's span filters: IPv4 (4 digits, 3 dots inside the span, {@link SpanClass#grow}) or IPv6 (2 colons). */
    static final SpanClass.RunFilter SPAN_FILTER = (digits, dots, colons) -> (digits >= 4 && dots >= 3) || colons >= 2;
    private static final Pattern VERSION_BEFORE = Pattern.compile("(?i)(v|version|ver|release|build)[ =:\"']*$");

    @Override
    public void find(Screening screening, Consumer<PiiCandidate> out) {
        String text = screening.text();
        Spans spans = screening.ipAddresses();
        spans.find(V4, text, (s, i) -> s.digits(i) >= 4 && s.dots(i) >= 3, m -> {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            if (!nonPublicV4(a, b, c)
                    && !VERSION_BEFORE.matcher(text.subSequence(Math.max(0, m.start() - 10), m.start())).find()) {
                out.accept(new PiiCandidate(PiiType.IP_ADDRESS, m.start(), m.end(), m.group(), 0.6));
            }
        });
        // parseV6 takes eight groups (seven colons) or one "::": time stamps (10:10:00.000) have neither
        spans.find(V6, text, (s, i) -> s.colons(i) >= 7 || (s.colons(i) >= 2 && doubleColonWithin(text, s.start(i), s.end(i))), m -> {
            String s = m.group(1).toLowerCase(Locale.ROOT);
            int[] groups = parseV6(s);
            if (groups != null && !nonPublicV6(groups)) {
                out.accept(new PiiCandidate(PiiType.IP_ADDRESS, m.start(), m.end(), s, 0.6));
            }
        });
    }

    private static boolean doubleColonWithin(String text, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (text.charAt(i) == ':' && text.charAt(i - 1) == ':') {
                return true;
            }
        }
        return false;
    }

    private static boolean nonPublicV4(int a, int b, int c) {
        return a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113);
    }

    /** Eight 16-bit groups, or null when the text is not an IPv6 address in full or compressed form. */
    static int[] parseV6(String s) {
        int dbl = s.indexOf("::");
        if (dbl != s.lastIndexOf("::")) {
            return null;
        }
        String[] head;
        String[] tail;
        if (dbl >= 0) {
            head = dbl == 0 ? new String[0] : s.substring(0, dbl).split(":");
            String t = s.substring(dbl + 2);
            tail = t.isEmpty() ? new String[0] : t.split(":");
            if (head.length + tail.length > 7 || head.length + tail.length < 2) {
                return null;
            }
        } else {
            head = s.split(":");
            tail = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        int[] g = new int[8];
        for (int i = 0; i < head.length; i++) {
            if (head[i].isEmpty()) {
                return null;
            }
            g[i] = Integer.parseInt(head[i], 16);
        }
        for (int i = 0; i < tail.length; i++) {
            if (tail[i].isEmpty()) {
                return null;
            }
            g[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
        }
        return g;
    }

    private static boolean nonPublicV6(int[] g) {
        int first = g[0];
        return (first & 0xe000) != 0x2000          // only global unicast 2000::/3 is public
                || (first == 0x2001 && g[1] == 0x0db8)  // documentation
                || (first == 0x2001 && g[1] == 0x0000); // Teredo
    }
}
