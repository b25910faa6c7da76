package io.agentdlp.detection.pii;

/**
 * The IP half of the digit-run walk as it was before its anchor test went without branches (main at
 * {@code f4a5740}, {@code DigitRunWalk.walk}): a span grown from each digit run followed by a dot, or with no
 * IP member before it and a public IPv6 first group ({@code 2xxx:} or {@code 3xxx:}) at its start, unless an
 * earlier span covers it. The oracle {@link IpSpansTest} compares the walk's IP spans with.
 */
final class IpSpansReference {
    private IpSpansReference() {
    }

    static Spans of(byte[] text, DigitRuns digits) {
        Spans out = new Spans();
        int n = text.length;
        int ipCovered = 0;
        for (int r = 0; r < digits.size(); r++) {
            int start = digits.start(r);
            int end = digits.end(r);
            boolean dotAfter = end < n && text[end] == '.';
            boolean noIpBefore = start == 0 || !SpanClass.IP_ADDRESS.member((char) (text[start - 1] & 0xFF));
            if (start >= ipCovered && (dotAfter || (noIpBefore && publicV6Start(text, start)))) {
                ipCovered = SpanClass.IP_ADDRESS.grow(text, start, out, IpAddressMatcher.SPAN_FILTER);
            }
        }
        return out;
    }

    private static boolean publicV6Start(byte[] text, int start) {
        byte first = text[start];
        return (first == '2' || first == '3') && start + 4 < text.length && text[start + 4] == ':'
                && isHex(text[start + 1]) && isHex(text[start + 2]) && isHex(text[start + 3]);
    }

    private static boolean isHex(byte b) {
        return DigitRuns.isDigit((char) b) || (char) ((b | 0x20) - 'a') < 6;
    }
}
