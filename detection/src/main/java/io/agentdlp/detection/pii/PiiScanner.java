package io.agentdlp.detection.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.Redactor;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.TextDetector;

/**
 * Finds personal data in text: e-mail, phone, payment cards, IBAN, national ids, IP addresses and
 * dates of birth, each validated so look-alikes (test numbers, documentation ranges, reserved
 * domains) are not reported. Values appear only as keyed hashes and redacted previews. A text that
 * carries many distinct values (a table, a dump, a CSV, a log) also yields one {@code pii.bulk}
 * finding with counts by type. Immutable and thread-safe.
 */
public final class PiiScanner implements TextDetector {
    /** Detector name on findings. */
    public static final String DETECTOR = "pii";
    /** Rule id of the bulk finding. */
    public static final String BULK_RULE = "pii.bulk";

    /** Where two candidates overlap, the more specific (earlier) type wins. */
    private static final List<PiiType> PRIORITY = List.of(PiiType.CN_RESIDENT_ID, PiiType.PAYMENT_CARD, PiiType.IBAN,
            PiiType.IN_AADHAAR, PiiType.US_SSN, PiiType.EU_NATIONAL_ID, PiiType.UK_NINO, PiiType.DATE_OF_BIRTH,
            PiiType.EMAIL, PiiType.IP_ADDRESS, PiiType.PHONE);

    private final List<PiiMatcher> matchers;
    private final KeyedHasher hasher;
    private final Redactor redactor = Redactor.standard();
    private final PiiOptions options;
    private final int fewestPhoneWindowDigits;

    public PiiScanner(KeyedHasher hasher, PiiOptions options) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.options = Objects.requireNonNull(options, "options");
        PhoneMatcher phone = new PhoneMatcher(options.phoneRegion());
        this.fewestPhoneWindowDigits = phone.fewestWindowDigits();
        this.matchers = List.of(new EmailMatcher(), new PaymentCardMatcher(), new IbanMatcher(),
                new NationalIdMatchers.UsSsn(), new NationalIdMatchers.UkNino(), new NationalIdMatchers.EuNationalId(),
                new NationalIdMatchers.ChineseResidentId(), new NationalIdMatchers.Aadhaar(), new IpAddressMatcher(),
                new DateOfBirthMatcher(), phone);
    }

    @Override
    public List<Finding> detect(CharSequence text) {
        return scan(text).findings();
    }

    public PiiScanResult scan(CharSequence input) {
        return scan(input, false);
    }

    /** As {@link #scan}, with every matcher searching the whole text: the reference the screened scan must equal. */
    PiiScanResult scanUnscreened(CharSequence input) {
        return scan(input, true);
    }

    private PiiScanResult scan(CharSequence input, boolean unscreened) {
        boolean truncated = input.length() > options.maxScanChars();
        ScanBuffers buffers = ScanBuffers.ofThread();
        ScreenText blanked = ScreenText.of(truncated ? input.subSequence(0, options.maxScanChars()) : input, buffers);
        Screening screening = unscreened ? Screening.unscreened(blanked) : Screening.of(blanked, fewestPhoneWindowDigits, buffers);
        String text = screening.text();
        List<PiiCandidate> candidates = new ArrayList<>();
        for (PiiMatcher m : matchers) {
            m.find(screening, candidates::add);
        }
        if (candidates.isEmpty()) {
            return new PiiScanResult(List.of(), Map.of(), false, truncated);
        }
        List<PiiCandidate> kept = resolveOverlaps(candidates);

        LineIndex lines = new LineIndex(text);
        List<Finding> findings = new ArrayList<>();
        Map<PiiType, Set<String>> distinct = new EnumMap<>(PiiType.class);
        for (PiiCandidate c : kept) {
            String hash = hasher.hash(c.value());
            distinct.computeIfAbsent(c.type(), t -> new HashSet<>()).add(hash);
            if (findings.size() < options.maxFindings()) {
                findings.add(new Finding(DETECTOR, c.type().ruleId(), c.type().severity(), c.confidence(),
                        redactor.preview(c.value()), hash, lines.line(c.start()), lines.column(c.start()),
                        c.start(), c.end() - c.start(), null));
            }
        }
        Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
        distinct.forEach((t, s) -> counts.put(t, s.size()));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        boolean bulk = total >= options.bulkMinDistinctValues();
        if (bulk) {
            findings.add(bulkFinding(distinct, counts, total));
        }
        return new PiiScanResult(findings, counts, bulk, truncated);
    }

    /**
     * Agents send text inside JSON strings, where a line break is the two characters {@code \\n}.
     * Blanking such escapes (same length, so offsets and columns still point into the original)
     * keeps the escape letter from gluing onto a value, e.g. {@code \\nmaria@...}.
     */
    static String neutraliseEscapes(CharSequence text) {
        String s = text.toString();
        StringBuilder sb = null;
        for (int i = s.indexOf('\\'); i >= 0 && i + 1 < s.length(); i = s.indexOf('\\', i + 1)) {
            char next = s.charAt(i + 1);
            if (next == 'n' || next == 'r' || next == 't' || next == '"') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, ' ');
                sb.setCharAt(i + 1, ' ');
                i++;
            } else if (next == '\\') {
                i++;
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static List<PiiCandidate> resolveOverlaps(List<PiiCandidate> candidates) {
        List<PiiCandidate> byPriority = new ArrayList<>(candidates);
        byPriority.sort(Comparator.comparingInt((PiiCandidate c) -> PRIORITY.indexOf(c.type()))
                .thenComparingInt(PiiCandidate::start));
        List<PiiCandidate> kept = new ArrayList<>();
        for (PiiCandidate c : byPriority) {
            boolean clash = false;
            for (PiiCandidate k : kept) {
                if (k.overlaps(c)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(PiiCandidate::start));
        return kept;
    }

    private Finding bulkFinding(Map<PiiType, Set<String>> distinct, Map<PiiType, Integer> counts, int total) {
        StringBuilder preview = new StringBuilder().append(total).append(" distinct personal values:");
        counts.forEach((t, n) -> preview.append(' ').append(t.id()).append('=').append(n));
        // One stable hash for "this same set of values", so re-sent dumps correlate.
        TreeSet<String> all = new TreeSet<>();
        distinct.values().forEach(all::addAll);
        String setHash = hasher.hash(String.join(",", all));
        boolean sensitive = counts.containsKey(PiiType.PAYMENT_CARD) || counts.containsKey(PiiType.US_SSN)
                || counts.containsKey(PiiType.CN_RESIDENT_ID) || counts.containsKey(PiiType.IN_AADHAAR)
                || counts.containsKey(PiiType.EU_NATIONAL_ID);
        return new Finding(DETECTOR, BULK_RULE, sensitive ? Severity.CRITICAL : Severity.HIGH, 0.95,
                preview.toString(), setHash, 1, 1, 0, 0, null);
    }

    /** Maps char offsets to 1-based line and column, built once per scan. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            int[] s = new int[16];
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == s.length) {
                    s = Arrays.copyOf(s, count * 2);
                }
                s[count++] = i + 1;
            }
            starts = Arrays.copyOf(s, count);
        }

        int line(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }
    }
}
