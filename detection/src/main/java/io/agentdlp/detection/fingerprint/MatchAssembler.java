package io.agentdlp.detection.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the postings hit by one probe into per-file match candidates. Copied code shows up as runs:
 * consecutive probe fingerprints hit the same file at non-decreasing, nearby lines. For each file the
 * hits are walked in probe order; a hit continues the current run when at most {@code maxGap} probe
 * fingerprints passed without a hit and the file has the fingerprint 0..{@value #MAX_LINE_JUMP} lines
 * (plus the probe's own line step, which a long comment copied along makes large) after the previous one
 * (preferring an occurrence with the same identifier spellings, then the line step
 * closest to the probe's), otherwise it starts a new run. Runs of
 * one hit are coincidences and dropped. A file matches only when one run has at least
 * {@code minMatchedFingerprints} hits whose identifier spellings agree too (code copied with its names;
 * one more in a probe of over {@value #LONG_PROBE} evidence fingerprints),
 * or at least {@code minRenamedFingerprints} distinct fingerprint shapes in all (code whose names were
 * changed: shape alone is weaker evidence, so more of it is needed, and counting distinct shapes keeps
 * repetitive code such as chains of {@code if (a != o.a) return false;} or runs of getters from piling
 * up evidence out of a handful of shapes). Renamed code with fewer distinct shapes still matches when
 * one run without a gap holds at least {@code renamedCoverage} of the probe's code fingerprints (and
 * {@code minCoveringFingerprints} hits, {@value #MIN_COVERING_SHAPES} shapes): the probe is then that
 * code and nothing else, a stronger signal than a coincidental stretch inside unrelated code.
 */
final class MatchAssembler {
    static final int MAX_LINE_JUMP = 40;
    static final int MIN_COVERING_SHAPES = 2;
    /**
     * Probes with more evidence fingerprints than this need one more spelled hit: the longer the probe,
     * the likelier some short idiom of it (a NaN check, an escape table) is also in an indexed file.
     * A 5-line window has a few dozen at most, and code copied into a long probe has many more hits anyway.
     */
    static final int LONG_PROBE = 64;

    /** A file the probe matched, before the file's repo and path are looked up. */
    record Candidate(int fileId, int sourceStartLine, int sourceEndLine, int probeStartLine, int probeEndLine,
                     double similarity, int matchedFingerprints, boolean contiguous) {
    }

    private final Fingerprints probe;
    private final MatchThresholds thresholds;
    private final int[] rank;
    private final int evidencePositions;
    private final Map<Integer, FileHits> files = new HashMap<>();

    /** @param suppressed probe positions whose fingerprint is common code (neither evidence nor gap) */
    MatchAssembler(Fingerprints probe, boolean[] suppressed, MatchThresholds thresholds) {
        this.probe = probe;
        this.thresholds = thresholds;
        this.rank = new int[probe.size()];
        int r = 0;
        for (int i = 0; i < probe.size(); i++) {
            rank[i] = r;
            if (!suppressed[i]) {
                r++;
            }
        }
        this.evidencePositions = r;
    }

    /** Records that probe fingerprint {@code position} occurs in {@code fileId} at the given lines. */
    void hit(int position, int fileId, int startLine, int endLine, boolean spelledAlike) {
        files.computeIfAbsent(fileId, f -> new FileHits()).add(position, startLine, endLine, spelledAlike);
    }

    List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<Integer, FileHits> e : files.entrySet()) {
            Candidate c = assemble(e.getKey(), e.getValue());
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private Candidate assemble(int fileId, FileHits h) {
        if (h.distinctPositions < Math.min(thresholds.minMatchedFingerprints(), thresholds.minRenamedFingerprints())) {
            return null;
        }
        List<Segment> segments = new ArrayList<>();
        Segment current = null;
        int lastPos = -1;
        int lastStart = -1;
        int i = 0;
        while (i < h.size) {
            int p = h.positions[i];
            int end = i + 1;
            while (end < h.size && h.positions[end] == p) {
                end++;
            }
            int chosen = -1;
            if (current != null && rank[p] - rank[lastPos] - 1 <= thresholds.maxGap()) {
                int expected = probe.startLine(p) - probe.startLine(lastPos);
                for (int j = i; j < end; j++) {
                    int delta = h.starts[j] - lastStart;
                    boolean near = delta >= 0 && delta <= MAX_LINE_JUMP + Math.max(0, expected);
                    if (near && (chosen < 0 || better(h, j, chosen, lastStart, expected))) {
                        chosen = j;
                    }
                }
            }
            if (chosen < 0) {
                chosen = i;
                for (int j = i; j < end; j++) {
                    if (h.spelled[j]) {
                        chosen = j;
                        break;
                    }
                }
                current = new Segment();
                segments.add(current);
            }
            current.add(p, rank[p], Fingerprints.shapeOf(probe.hash(p)), h.starts[chosen], h.ends[chosen],
                    h.spelled[chosen]);
            lastPos = p;
            lastStart = h.starts[chosen];
            i = end;
        }
        List<Segment> kept = new ArrayList<>();
        boolean evidence = false;
        int spelledNeeded = thresholds.minMatchedFingerprints() + (evidencePositions > LONG_PROBE ? 1 : 0);
        for (Segment s : segments) {
            if (s.count >= 2) {
                kept.add(s);
            }
            evidence |= s.spelled >= spelledNeeded
                    || s.shapes.size() >= thresholds.minRenamedFingerprints()
                    || coversProbe(s);
        }
        if (!evidence) {
            return null;
        }
        int matched = 0;
        int sourceStart = Integer.MAX_VALUE;
        int sourceEnd = 0;
        int probeStart = Integer.MAX_VALUE;
        int probeEnd = 0;
        for (Segment s : kept) {
            matched += s.count;
            sourceStart = Math.min(sourceStart, s.sourceStart);
            sourceEnd = Math.max(sourceEnd, s.sourceEnd);
            probeStart = Math.min(probeStart, probe.startLine(s.firstPos));
            for (int p = s.firstPos; p <= s.lastPos; p++) {
                probeEnd = Math.max(probeEnd, probe.endLine(p));
            }
        }
        double similarity = evidencePositions == 0 ? 0 : Math.min(1.0, matched / (double) evidencePositions);
        boolean contiguous = kept.size() == 1 && rank[kept.get(0).lastPos] - rank[kept.get(0).firstPos] + 1 == matched;
        if (sourceEnd - sourceStart + 1 < thresholds.minSourceLines()
                || similarity < thresholds.minSimilarity()) {
            return null;
        }
        return new Candidate(fileId, sourceStart, sourceEnd, probeStart, probeEnd, similarity, matched, contiguous);
    }

    /**
     * Renamed code that is most of the probe: a run without a gap, of at least
     * {@code minCoveringFingerprints} hits and {@value #MIN_COVERING_SHAPES} distinct shapes, holding at
     * least {@code renamedCoverage} of the probe's evidence positions.
     */
    private boolean coversProbe(Segment s) {
        if (thresholds.renamedCoverage() <= 0 || s.count < thresholds.minCoveringFingerprints()
                || s.shapes.size() < MIN_COVERING_SHAPES) {
            return false;
        }
        boolean gapFree = s.lastRank - s.firstRank + 1 == s.count;
        return gapFree && s.count >= thresholds.renamedCoverage() * evidencePositions;
    }

    /**
     * Whether occurrence {@code a} continues a run better than {@code b}: same identifier spellings
     * first (it disambiguates repetitive code copied as is), then the line step closest to the probe's.
     */
    private static boolean better(FileHits h, int a, int b, int lastStart, int expected) {
        if (h.spelled[a] != h.spelled[b]) {
            return h.spelled[a];
        }
        return Math.abs(h.starts[a] - lastStart - expected) < Math.abs(h.starts[b] - lastStart - expected);
    }

    /** One stretch of consistent hits. */
    private static final class Segment {
        final Set<Long> shapes = new HashSet<>();
        int firstRank;
        int lastRank;
        int count;
        int spelled;
        int firstPos = -1;
        int lastPos;
        int sourceStart = Integer.MAX_VALUE;
        int sourceEnd;

        void add(int pos, int rank, long shape, int start, int end, boolean spelledAlike) {
            if (firstPos < 0) {
                firstPos = pos;
                firstRank = rank;
            }
            lastPos = pos;
            lastRank = rank;
            count++;
            shapes.add(shape);
            if (spelledAlike) {
                spelled++;
            }
            sourceStart = Math.min(sourceStart, start);
            sourceEnd = Math.max(sourceEnd, end);
        }
    }

    /** Hits of one file, in probe order. */
    private static final class FileHits {
        int size;
        int distinctPositions;
        int[] positions = new int[8];
        int[] starts = new int[8];
        int[] ends = new int[8];
        boolean[] spelled = new boolean[8];

        void add(int position, int start, int end, boolean spelledAlike) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                spelled = Arrays.copyOf(spelled, size * 2);
            }
            spelled[size] = spelledAlike;
            if (size == 0 || positions[size - 1] != position) {
                distinctPositions++;
            }
            positions[size] = position;
            starts[size] = start;
            ends[size] = end;
            size++;
        }
    }
}
