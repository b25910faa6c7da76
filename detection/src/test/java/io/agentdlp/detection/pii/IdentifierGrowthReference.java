package io.agentdlp.detection.pii;

/**
 * The identifier growth as it was before it read eight bytes at a time (main at {@code f4a5740},
 * {@code DigitRunWalk.growIdentifier}): one byte per step, each digit met starting the next digit run,
 * which is counted whole. The oracle {@link IdentifierGrowthTest} compares the current growth with.
 */
final class IdentifierGrowthReference {
    private IdentifierGrowthReference() {
    }

    static int grow(byte[] text, DigitRuns digits, int r, Spans identifiers) {
        int start = digits.start(r);
        int upper = 0;
        int c;
        while (start > 0 && SpanClass.IDENTIFIER.member((char) (c = text[start - 1] & 0xFF))) {
            upper += isUpper(c) ? 1 : 0;
            start--;
        }
        int n = text.length;
        int i = digits.start(r);
        int next = r;
        int digitCount = 0;
        int longestDigitRun = 0;
        int runLengths = 0;
        int freeRunLengths = 0;
        while (i < n) {
            c = text[i] & 0xFF;
            if (DigitRuns.isDigit((char) c)) {
                int runLength = digits.end(next) - i;
                digitCount += runLength;
                longestDigitRun = Math.max(longestDigitRun, runLength);
                runLengths |= Spans.lengthBit(runLength);
                int after = i + runLength < n ? text[i + runLength] & 0xFF : ' ';
                int before = i > 0 ? text[i - 1] & 0xFF : ' ';
                if (!asciiLetter(before) && !asciiLetter(after)) {
                    freeRunLengths |= Spans.lengthBit(runLength);
                }
                i += runLength;
                next++;
            } else if (SpanClass.IDENTIFIER.member((char) c)) {
                upper += isUpper(c) ? 1 : 0;
                i++;
            } else {
                break;
            }
        }
        boolean otherMember = i - start > digitCount + upper;
        if (anyIdentifier(digitCount, upper, i - start) && (otherMember || letterFreeEdges(text, start, i))) {
            identifiers.add(start, i, digitCount, upper, 0, 0, longestDigitRun, runLengths, freeRunLengths);
            if (!IdentifierSpanFilters.anyAccepts(identifiers, identifiers.size() - 1)) {
                identifiers.removeLast();
            }
        }
        return i;
    }

    private static boolean anyIdentifier(int digits, int upper, int length) {
        return digits >= 9 || (digits >= 7 && upper >= 1) || (upper >= 2 && length >= 12) || (digits >= 6 && upper >= 3);
    }

    /**
     * No ASCII letter on either side of the span. A member other than a digit or an upper-case letter (counted as the
     * growth counts digits: from run {@code r} on) also keeps it.
     */
    private static boolean letterFreeEdges(byte[] text, int start, int end) {
        return (start == 0 || !asciiLetter(text[start - 1] & 0xFF)) && (end == text.length || !asciiLetter(text[end] & 0xFF));
    }

    private static boolean asciiLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isUpper(int c) {
        return (char) (c - 'A') < 26;
    }
}
