package io.agentdlp.detection.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho-Corasick automaton over ASCII keywords, matched case-insensitively in one pass over a char array.
 * The goto/failure structure is compiled into a dense transition table over the equivalence classes of
 * the keyword alphabet (every other char is one class), so the hot loop is one table lookup per char.
 * Immutable and thread-safe.
 *
 * <p>The table is laid out for a scan that starts with cold caches, as in the topology, whose other stages evict
 * it between two events: it is stored column by column (one class's entries for every state together), states
 * are numbered breadth-first, and entries are 16-bit state numbers. Most chars are read in the few shallow
 * states, so a column's entries for them share a few cache lines, and an entry takes half an {@code int}'s room;
 * an entry's index is still one add of the state and its char's column start, as a row-major table's is.
 */
final class KeywordAutomaton {
    /** Receives every keyword occurrence as (keyword index, end offset exclusive). */
    interface HitSink {
        void hit(int keyword, int end);
    }

    /** Texts shorter than this many longest keywords are walked in one piece (the thirds' warm-up would not pay). */
    private static final int SPLIT_MIN = 8;
    /** Most states a 16-bit entry numbers. */
    private static final int MAX_STATES = 1 << 16;
    private static final int[] NO_HITS = new int[0];

    private final String[] keywords;
    /** Length of the longest keyword: the most chars the automaton's state depends on. */
    private final int longestKeyword;
    /** Start of each ASCII char's column in {@link #delta}: its class times the number of states. */
    private final int[] columnOf = new int[128];
    /** Transition table, column-major: entry (column + state) is the next state. */
    private final char[] delta;
    /** States numbered this or higher have outputs. */
    private final int firstOutputState;
    /** Keywords ending at each state, including those reached through failure links; null if none. */
    private final int[][] outputs;

    KeywordAutomaton(List<String> keywordList) {
        this.keywords = keywordList.stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        byte[] classOf = new byte[128];
        int cls = 1;
        for (String k : keywords) {
            if (k.isEmpty()) {
                throw new IllegalArgumentException("empty keyword");
            }
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("keywords must be ASCII");
                }
                if (classOf[c] == 0) {
                    classOf[c] = (byte) cls++;
                    char upper = Character.toUpperCase(c);
                    if (upper < 128) {
                        classOf[upper] = classOf[c];
                    }
                }
            }
        }
        this.longestKeyword = Arrays.stream(keywords).mapToInt(String::length).max().orElse(0);
        if (cls > 127) {
            throw new IllegalArgumentException("too many distinct keyword characters");
        }

        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow(cls));
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.length; k++) {
            int s = 0;
            for (int i = 0; i < keywords[k].length(); i++) {
                int c = classOf[keywords[k].charAt(i)];
                if (trie.get(s)[c] < 0) {
                    trie.get(s)[c] = trie.size();
                    trie.add(newRow(cls));
                    out.add(new ArrayList<>());
                }
                s = trie.get(s)[c];
            }
            out.get(s).add(k);
        }

        int n = trie.size();
        if (n > MAX_STATES) {
            throw new IllegalArgumentException("keywords need " + n + " automaton states, more than " + MAX_STATES);
        }
        int[] fail = new int[n];
        int[] next = new int[n * cls];
        int[] breadthFirst = new int[n];
        int visited = 1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < cls; c++) {
            int t = trie.get(0)[c];
            if (t > 0) {
                fail[t] = 0;
                next[c] = t;
                queue.add(t);
            } else {
                next[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            breadthFirst[visited++] = s;
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < cls; c++) {
                int t = trie.get(s)[c];
                if (t > 0) {
                    fail[t] = next[fail[s] * cls + c];
                    next[s * cls + c] = t;
                    queue.add(t);
                } else {
                    next[s * cls + c] = next[fail[s] * cls + c];
                }
            }
        }
        // renumber breadth-first, states without output first (the root stays 0), so "has output" is one comparison
        int[] renumbered = new int[n];
        int id = 0;
        for (int s : breadthFirst) {
            if (out.get(s).isEmpty()) {
                renumbered[s] = id++;
            }
        }
        this.firstOutputState = id;
        for (int s : breadthFirst) {
            if (!out.get(s).isEmpty()) {
                renumbered[s] = id++;
            }
        }
        for (int c = 0; c < 128; c++) {
            columnOf[c] = classOf[c] * n;
        }
        delta = new char[n * cls];
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            int state = renumbered[s];
            for (int c = 0; c < cls; c++) {
                delta[c * n + state] = (char) renumbered[next[s * cls + c]];
            }
            List<Integer> o = out.get(s);
            outputs[state] = o.isEmpty() ? null : o.stream().distinct().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] newRow(int cls) {
        int[] row = new int[cls];
        Arrays.fill(row, -1);
        return row;
    }

    int keywordCount() {
        return keywords.length;
    }

    /**
     * True when {@code text} contains any keyword (case-insensitively). Texts of three longest keywords and more
     * are walked as three thirds at once, as {@link #scan} does; each walk starts from the root at its third and
     * the first two run on for {@code longestKeyword - 1} chars past it (together too), so every occurrence lies
     * wholly inside one walk.
     */
    boolean containsAny(CharSequence text) {
        int n = text.length();
        int overlap = longestKeyword - 1;
        int third = n / 3;
        if (third < longestKeyword) {
            return walkUntilOutput(text, 0, n, 0) < 0;
        }
        final char[] d = delta;
        final int[] cl = columnOf;
        final int firstOutput = firstOutputState;
        final int start3 = 2 * third;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        for (int i = 0; i < third; i++) {
            char c1 = text.charAt(i);
            char c2 = text.charAt(third + i);
            char c3 = text.charAt(start3 + i);
            s1 = d[s1 + (c1 < 128 ? cl[c1] : 0)];
            s2 = d[s2 + (c2 < 128 ? cl[c2] : 0)];
            s3 = d[s3 + (c3 < 128 ? cl[c3] : 0)];
            if (s1 >= firstOutput | s2 >= firstOutput | s3 >= firstOutput) {
                return true;
            }
        }
        for (int i = 0; i < overlap; i++) {
            char c1 = text.charAt(third + i);
            char c2 = text.charAt(start3 + i);
            s1 = d[s1 + (c1 < 128 ? cl[c1] : 0)];
            s2 = d[s2 + (c2 < 128 ? cl[c2] : 0)];
            if (s1 >= firstOutput | s2 >= firstOutput) {
                return true;
            }
        }
        return walkUntilOutput(text, start3 + third, n, s3) < 0;
    }

    /** Walks {@code text[from, to)} from state {@code s}: the state reached, or -1 at the first output. */
    private int walkUntilOutput(CharSequence text, int from, int to, int s) {
        final char[] d = delta;
        final int[] cl = columnOf;
        final int firstOutput = firstOutputState;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            s = d[s + (c < 128 ? cl[c] : 0)];
            if (s >= firstOutput) {
                return -1;
            }
        }
        return s;
    }

    /**
     * Reports every keyword occurrence in {@code text[0, length)}, in order of end offset.
     *
     * <p>Each step's table lookup waits for the previous one, so one walk over the text is bound by the latency
     * of that chain, not by the work. Longer texts are walked as three thirds at once, whose chains overlap (two
     * leave the latency exposed, four run out of registers). The state after a char depends only on the last
     * {@code longestKeyword} chars (the longest suffix that is a keyword prefix), so the second and third walks
     * start from the root that many chars before their third and report from their third on; their hits wait
     * in buffers until the walks before them are out, keeping the order.
     */
    void scan(char[] text, int length, HitSink sink) {
        if (length < SPLIT_MIN * longestKeyword) {
            walk(text, 0, length, 0, sink);
            return;
        }
        final char[] d = delta;
        final int[] cl = columnOf;
        final int firstOutput = firstOutputState;
        final int warmUp = longestKeyword;
        final int third = length / 3;
        final int start2 = third - warmUp;
        final int start3 = 2 * third - warmUp;
        int[] held2 = NO_HITS;
        int held2Count = 0;
        int[] held3 = NO_HITS;
        int held3Count = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        for (int i = 0; i < third; i++) {
            char c1 = text[i];
            char c2 = text[start2 + i];
            char c3 = text[start3 + i];
            s1 = d[s1 + (c1 < 128 ? cl[c1] : 0)];
            s2 = d[s2 + (c2 < 128 ? cl[c2] : 0)];
            s3 = d[s3 + (c3 < 128 ? cl[c3] : 0)];
            if (s1 >= firstOutput) {
                for (int h : outputs[s1]) {
                    sink.hit(h, i + 1);
                }
            }
            if (s2 >= firstOutput && i >= warmUp) {
                held2 = hold(held2, held2Count, s2, start2 + i + 1);
                held2Count += 2;
            }
            if (s3 >= firstOutput && i >= warmUp) {
                held3 = hold(held3, held3Count, s3, start3 + i + 1);
                held3Count += 2;
            }
        }
        report(held2, held2Count, sink);
        walk(text, start2 + third, 2 * third, s2, sink);
        report(held3, held3Count, sink);
        walk(text, start3 + third, length, s3, sink);
    }

    private static int[] hold(int[] held, int count, int state, int end) {
        int[] room = count < held.length ? held : Arrays.copyOf(held, Math.max(16, count * 2));
        room[count] = state;
        room[count + 1] = end;
        return room;
    }

    private void report(int[] held, int count, HitSink sink) {
        for (int p = 0; p < count; p += 2) {
            for (int h : outputs[held[p]]) {
                sink.hit(h, held[p + 1]);
            }
        }
    }

    /** One walk over {@code text[from, to)} from state {@code s}. */
    private void walk(char[] text, int from, int to, int s, HitSink sink) {
        final char[] d = delta;
        final int[] cl = columnOf;
        final int firstOutput = firstOutputState;
        for (int i = from; i < to; i++) {
            char c = text[i];
            s = d[s + (c < 128 ? cl[c] : 0)];
            if (s >= firstOutput) {
                for (int h : outputs[s]) {
                    sink.hit(h, i + 1);
                }
            }
        }
    }
}
