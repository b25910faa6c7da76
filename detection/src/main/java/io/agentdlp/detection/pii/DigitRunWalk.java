package io.agentdlp.detection.pii;

import java.util.Arrays;

/**
 * One walk over a text's digit runs that builds the identifier spans ({@link SpanClass#IDENTIFIER}
 * runs some identifier matcher can use), the IP spans that can hold a reported address and, for an ASCII
 * text, the phone windows ({@link PhoneWindows}) that hold a digit and a separator. The screens start from
 * the same digit runs and test the same neighbours, so each run's neighbours are classified once, by one
 * table, and a run that no screen can use (most digits of hex digests, glued to lower-case letters) costs
 * one test.
 */
final class DigitRunWalk {
    /** An identifier member ({@code [A-Z0-9 +-x]}). */
    private static final byte IDENTIFIER = 1;
    /** Right before a digit run, no phone-window member whatever precedes it. */
    private static final byte NO_PHONE_BEFORE = 2;
    /** Right after a digit run, no phone-window member whatever follows it. */
    private static final byte NO_PHONE_AFTER = 4;
    /** One of {@code - / .}: a date's first separator. */
    private static final byte DATE_SEPARATOR = 8;
    /** A dot: right after a digit run, where an IPv4 address has one. */
    private static final byte DOT = 16;
    /** No {@link SpanClass#IP_ADDRESS} member: right before a digit run, where an IP run starts. */
    private static final byte NO_IP = 32;
    /** A phone-window member wherever it stands, after which a colon is none ({@link PhoneWindows#plainMember}). */
    private static final byte PLAIN_PHONE_MEMBER = 64;
    /** A text's edge or a character above ASCII (the phone half only runs on ASCII texts). */
    private static final int EDGE = NO_PHONE_BEFORE | NO_PHONE_AFTER | NO_IP;
    /** By screen byte ({@link ScreenText}): above ASCII an edge. */
    private static final byte[] CLASS = new byte[256];
    /** The fewest digits of a span of digits alone that some identifier matcher can use. */
    private static final int IDENTIFIER_MIN_DIGITS_ALONE = 9;
    private static final int WINDOW_STRIDE = 5;

    static {
        for (char c = 0; c < 256; c++) {
            CLASS[c] = (byte) (c >= 128 ? EDGE : (SpanClass.IDENTIFIER.member(c) ? IDENTIFIER : 0)
                    | (PhoneWindows.neverMemberBefore(c) ? NO_PHONE_BEFORE : 0)
                    | (PhoneWindows.neverMemberAfter(c) ? NO_PHONE_AFTER : 0)
                    | (c == '-' || c == '/' || c == '.' ? DATE_SEPARATOR : 0)
                    | (c == '.' ? DOT : 0)
                    | (SpanClass.IP_ADDRESS.member(c) ? 0 : NO_IP)
                    | (PhoneWindows.plainMember(c) ? PLAIN_PHONE_MEMBER : 0));
        }
    }

    private final Spans identifiers;
    private final Spans ipAddresses;
    private final int fewestPhoneDigits;
    private int[] windows;
    private int windowCount;
    private boolean dateOfBirthLabel;

    /** Room for a window per four digit runs: most texts never grow it (the workload keeps one per ~35 runs). */
    private DigitRunWalk(int digitRuns, int fewestPhoneDigits, ScanBuffers buffers) {
        this.windows = buffers.windows(WINDOW_STRIDE * Math.max(8, digitRuns / 4));
        this.identifiers = new Spans(buffers.identifierSpans());
        this.ipAddresses = new Spans(buffers.ipSpans());
        this.fewestPhoneDigits = fewestPhoneDigits;
    }

    /**
     * Walks the digit runs of {@code text}; the phone windows only when {@code phoneWindows} (an ASCII
     * text: with non-ASCII characters the phone screen reads the whole text), keeping those that can reach
     * {@code fewestPhoneDigits} ({@link PhoneWindows#reachableDigits}).
     */
    static DigitRunWalk of(byte[] text, DigitRuns digits, boolean phoneWindows, int fewestPhoneDigits) {
        return of(text, digits, phoneWindows, fewestPhoneDigits, new ScanBuffers());
    }

    /** As {@link #of(byte[], DigitRuns, boolean, int)}, its spans and windows in {@code buffers}' arrays, kept there grown for the next text. */
    static DigitRunWalk of(byte[] text, DigitRuns digits, boolean phoneWindows, int fewestPhoneDigits, ScanBuffers buffers) {
        DigitRunWalk walk = new DigitRunWalk(phoneWindows ? digits.size() : 0, fewestPhoneDigits, buffers);
        walk.walk(text, digits, phoneWindows);
        buffers.keepWindows(walk.windows);
        buffers.keepIdentifierSpans(walk.identifiers.array());
        buffers.keepIpSpans(walk.ipAddresses.array());
        return walk;
    }

    /** The identifier spans: the maximal runs of identifier members that hold a digit and that some identifier matcher's filter accepts. */
    Spans identifiers() {
        return identifiers;
    }

    /**
     * The IP spans ({@link SpanClass#IP_ADDRESS} runs with four digits and three dots, or two colons) that can
     * hold an address the IP matcher reports: those with a digit run followed by a dot (every IPv4 address has
     * one) or starting with a group {@code 2xxx:} or {@code 3xxx:} ({@link #publicV6Start}: a public IPv6
     * address is in 2000::/3, and its pattern's look-behind makes it start an IP run).
     */
    Spans ipAddresses() {
        return ipAddresses;
    }

    /** Whether some digit run followed by {@code - / .} has a date-of-birth label before it ({@link DateOfBirthMatcher#labelBeforeDate}). */
    boolean mayHoldDateOfBirthLabel() {
        return dateOfBirthLabel;
    }

    /**
     * Hands over every phone window of the whole-text reading that holds an ASCII digit, a separator or plus
     * and can reach the fewest digits asked for (only those can hold a number the phone matcher reports), in
     * text order.
     */
    void phoneWindows(PhoneWindows.Window out) {
        for (int w = 0; w < windowCount; w++) {
            int at = w * WINDOW_STRIDE;
            out.accept(windows[at], windows[at + 1], windows[at + 2], windows[at + 3], windows[at + 4] != 0, true);
        }
    }

    /**
     * For each digit run: the IP span around it when it may hold a reported address ({@link #ipAddresses});
     * the date-of-birth label test when a date separator follows it; the identifier half grows its span unless an earlier span covers it or it is
     * shorter than any identifier and between non-members; the phone half reads from the nearest point
     * before it where the whole-text reading stands outside any run, unless it was passed already or is a
     * whole window by itself (no member on either side: then it has no separator).
     */
    private void walk(byte[] text, DigitRuns digits, boolean phone) {
        int n = text.length;
        int covered = 0;
        int ipCovered = 0;
        int passed = phone ? 0 : Integer.MAX_VALUE;
        PhoneWindows.Window keep = this::keepWindow;
        for (int r = 0; r < digits.size(); r++) {
            int start = digits.start(r);
            int end = digits.end(r);
            int before = start == 0 ? EDGE : CLASS[text[start - 1] & 0xFF];
            int after = end == n ? EDGE : CLASS[text[end] & 0xFF];
            if (start >= covered && (end - start >= IDENTIFIER_MIN_DIGITS_ALONE || ((before | after) & IDENTIFIER) != 0)) {
                covered = growIdentifier(text, digits, r, identifiers);
            }
            if (start >= ipCovered && mayStartIp(text, start, before, after)
                    && ((after & DOT) != 0 || publicV6Start(text, start))) {
                ipCovered = SpanClass.IP_ADDRESS.grow(text, start, ipAddresses, IpAddressMatcher.SPAN_FILTER);
            }
            if ((after & DATE_SEPARATOR) != 0 && !dateOfBirthLabel) {
                dateOfBirthLabel = DateOfBirthMatcher.labelBeforeDate(text, start, end);
            }
            if (start >= passed && !phoneDigitsAlone(text, start, end, before, after)) {
                int shortEnd = shortPhoneWindowEnd(text, digits, r);
                passed = shortEnd >= 0 ? shortEnd
                        : PhoneWindows.runAscii(text, digits, r, PhoneWindows.outsideBefore(text, start, passed), end, keep);
            }
        }
    }

    /**
     * Whether digit run {@code start} may be followed by a dot or start a public IPv6 address
     * ({@link #publicV6Start}: no IP member before it, a first digit {@code 2} or {@code 3} and a colon four
     * characters on), tested without branches: ~45 % of the runs have no IP member before them, at random in hex
     * and base64 text, and ~4 % pass.
     */
    private static boolean mayStartIp(byte[] text, int start, int before, int after) {
        return (after & DOT) != 0 | ((before & NO_IP) != 0 & (char) (text[start] - '2') < 2
                & text[Math.min(start + 4, text.length - 1)] == ':');
    }

    /**
     * Whether a public IPv6 address can start at {@code start}: its first group is in {@code 2000-3fff}
     * (2000::/3), so it is written with four hex digits, the first {@code 2} or {@code 3}, and a colon follows
     * (the pattern takes two more groups). Most runs starting with {@code 2} are years ({@code 2025-03-06}).
     */
    private static boolean publicV6Start(byte[] text, int start) {
        byte first = text[start];
        return (first == '2' || first == '3') && start + 4 < text.length && text[start + 4] == ':'
                && isHex(text[start + 1]) && isHex(text[start + 2]) && isHex(text[start + 3]);
    }

    private static boolean isHex(byte b) {
        return DigitRuns.isDigit((char) b) || (char) ((b | 0x20) - 'a') < 6;
    }

    private static boolean phoneDigitsAlone(byte[] text, int start, int end, int before, int after) {
        return ((before & NO_PHONE_BEFORE) != 0 || PhoneWindows.noMemberBefore(text, start))
                && ((after & NO_PHONE_AFTER) != 0 || PhoneWindows.noMemberAfter(text, end));
    }

    /**
     * Where the phone window around digit run {@code r} ends, when reading plain members ({@link #PLAIN_PHONE_MEMBER})
     * and digit runs alone proves it holds fewer digits than asked for and no letter; -1 when the window must be
     * read. No digit lies left of the run in its window: an earlier run's window was read or proven
     * to end before it. The end returned is the character that ends the window (a never-member, a colon after a
     * plain member or digit, or the first letter of a word that is no label), where the whole-text reading stands
     * outside any run whatever follows.
     */
    private int shortPhoneWindowEnd(byte[] text, DigitRuns digits, int r) {
        int start = digits.start(r);
        int i = start - 1;
        while (i >= 0 && (CLASS[text[i] & 0xFF] & PLAIN_PHONE_MEMBER) != 0) {
            i--;
        }
        if (i >= 0 && !PhoneWindows.noMemberBefore(text, i + 1) && !PhoneWindows.colonOutsideRun(text, i)) {
            return -1;
        }
        int n = text.length;
        int count = 0;
        int j = start;
        int next = r;
        while (j < n) {
            int c = text[j] & 0xFF;
            if (DigitRuns.isDigit((char) c)) {
                int runEnd = digits.end(next++);
                count += runEnd - j;
                if (count >= fewestPhoneDigits) {
                    return -1;
                }
                j = runEnd;
            } else if ((CLASS[c] & PLAIN_PHONE_MEMBER) != 0) {
                j++;
            } else {
                break;
            }
        }
        if (j < n && (CLASS[text[j] & 0xFF] & NO_PHONE_AFTER) == 0 && !PhoneWindows.noMemberAfter(text, j)) {
            return -1;
        }
        return j;
    }

    /**
     * Grows the maximal run of identifier members around digit run {@code r} and adds it if some identifier
     * matcher can use it; returns the span's end. Only the digits from the run's first on are counted: in the walk
     * no digit lies left of it in its span (such a digit run would have been grown into this same span before, or
     * skipped for having no member beside it). The span's ends and counts are read eight bytes at a time
     * ({@link IdentifierWords}); its digit runs are read one by one only when the counts pass
     * {@link #anyIdentifier} (a few of the ~150 growths per text).
     */
    static int growIdentifier(byte[] text, DigitRuns digits, int r, Spans identifiers) {
        int first = digits.start(r);
        int start = first;
        int upper = 0;
        while (start >= Long.BYTES) {
            long x = IdentifierWords.read(text, start - Long.BYTES);
            long outside = ~IdentifierWords.members(x) & IdentifierWords.HIGH_BITS;
            if (outside != 0) {
                // the bits from the last non-member's up (that byte is no upper-case letter)
                upper += Long.bitCount(IdentifierWords.upper(x) & -Long.highestOneBit(outside));
                start -= Long.numberOfLeadingZeros(outside) >>> 3;
                break;
            }
            upper += Long.bitCount(IdentifierWords.upper(x));
            start -= Long.BYTES;
        }
        if (start < Long.BYTES) {
            int c;
            while (start > 0 && (CLASS[c = text[start - 1] & 0xFF] & IDENTIFIER) != 0) {
                upper += isUpper(c) ? 1 : 0;
                start--;
            }
        }
        int n = text.length;
        int end = first;
        int digitCount = 0;
        while (true) {
            if (end + Long.BYTES > n) {
                int c;
                while (end < n && (CLASS[c = text[end] & 0xFF] & IDENTIFIER) != 0) {
                    upper += isUpper(c) ? 1 : 0;
                    digitCount += DigitRuns.isDigit((char) c) ? 1 : 0;
                    end++;
                }
                break;
            }
            long x = IdentifierWords.read(text, end);
            long outside = ~IdentifierWords.members(x) & IdentifierWords.HIGH_BITS;
            if (outside != 0) {
                long below = Long.lowestOneBit(outside) - 1;
                upper += Long.bitCount(IdentifierWords.upper(x) & below);
                digitCount += Long.bitCount(IdentifierWords.digits(x) & below);
                end += Long.numberOfTrailingZeros(outside) >>> 3;
                break;
            }
            upper += Long.bitCount(IdentifierWords.upper(x));
            digitCount += Long.bitCount(IdentifierWords.digits(x));
            end += Long.BYTES;
        }
        if (anyIdentifier(digitCount, upper, end - start) && mayHoldWord(text, start, end, digitCount, upper)) {
            int longestDigitRun = 0;
            int runLengths = 0;
            int freeRunLengths = 0;
            for (int next = r; next < digits.size() && digits.start(next) < end; next++) {
                int runStart = digits.start(next);
                int runEnd = digits.end(next);
                int runLength = runEnd - runStart;
                longestDigitRun = Math.max(longestDigitRun, runLength);
                runLengths |= Spans.lengthBit(runLength);
                boolean free = (runStart == 0 || !isAsciiLetter(text[runStart - 1])) && (runEnd == n || !isAsciiLetter(text[runEnd]));
                freeRunLengths |= free ? Spans.lengthBit(runLength) : 0;
            }
            identifiers.add(start, end, digitCount, upper, 0, 0, longestDigitRun, runLengths, freeRunLengths);
            if (!IdentifierSpanFilters.anyAccepts(identifiers, identifiers.size() - 1)) {
                identifiers.removeLast();
            }
        }
        return end;
    }

    /**
     * What the identifier matchers' span filters need at least, on the counts alone: 9 digits (SSN, BSN, HETU;
     * every other all-digit identifier needs more), 7 digits and an upper-case letter (Spanish DNI/NIE), 6 digits
     * and 3 upper-case letters (UK NINO), 2 upper-case letters over 12 characters (IBAN). A span passing it is
     * kept only if one of the filters accepts it ({@link IdentifierSpanFilters}).
     */
    private static boolean anyIdentifier(int digits, int upper, int length) {
        return digits >= 9 || (digits >= 7 && upper >= 1) || (upper >= 2 && length >= 12) || (digits >= 6 && upper >= 3);
    }

    /**
     * Whether a match of some identifier pattern can lie in span {@code [start, end)}: each pattern starts after a
     * look-behind and ends before a look-ahead that exclude ASCII letters and digits, so a match starts at the span's
     * start with no letter before it, or after one of its members that is neither a digit nor an upper-case letter
     * ({@code ' ' + -}, and {@code x} counted with them), and ends likewise. Upper-case letters and digits inside
     * base64 (lower-case letters on both sides, no other member) hold none.
     */
    private static boolean mayHoldWord(byte[] text, int start, int end, int digits, int upper) {
        return end - start - digits - upper > 0
                || ((start == 0 || !isAsciiLetter(text[start - 1])) && (end == text.length || !isAsciiLetter(text[end])));
    }

    private static boolean isAsciiLetter(byte b) {
        return (char) ((b | 0x20) - 'a') < 26;
    }

    private static boolean isUpper(int c) {
        return (char) (c - 'A') < 26;
    }

    private void keepWindow(int start, int end, int digits, int letters, boolean plusOrNonAscii, boolean separator) {
        if (digits == 0 || !separator || PhoneWindows.reachableDigits(digits, letters) < fewestPhoneDigits) {
            return;
        }
        if ((windowCount + 1) * WINDOW_STRIDE > windows.length) {
            windows = Arrays.copyOf(windows, windows.length * 2);
        }
        int at = windowCount++ * WINDOW_STRIDE;
        windows[at] = start;
        windows[at + 1] = end;
        windows[at + 2] = digits;
        windows[at + 3] = letters;
        windows[at + 4] = plusOrNonAscii ? 1 : 0;
    }
}
