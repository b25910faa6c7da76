package io.agentdlp.detection.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The former {@link KeywordAutomaton}, one walk over the whole text, kept as the oracle of
 * {@code KeywordAutomatonTest}.
 *
 * <p>Aho-Corasick automaton over ASCII keywords, matched case-insensitively in one pass over a char array.
 * The goto/failure structure is compiled into a dense transition table over the equivalence classes of
 * the keyword alphabet (every other char is one class), so the hot loop is one table lookup per char.
 * Immutable and thread-safe.
 */
final class OriginalKeywordAutomaton {
    private final String[] keywords;
    private final byte[] classOf = new byte[128];
    private final int classes;
    /** Transition table: entry (row + class) is the next state's row ({@code state * classes}). */
    private final int[] delta;
    /** Rows at or above this belong to states with outputs. */
    private final int firstOutputState;
    /** Keywords ending at each state, including those reached through failure links; null if none. */
    private final int[][] outputs;

    OriginalKeywordAutomaton(List<String> keywordList) {
        this.keywords = keywordList.stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
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
        this.classes = cls;
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
        int[] fail = new int[n];
        int[] next = new int[n * cls];
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
        // renumber: states without output first (the root stays 0), so "has output" is one comparison
        int[] renumbered = new int[n];
        int id = 0;
        for (int s = 0; s < n; s++) {
            if (out.get(s).isEmpty()) {
                renumbered[s] = id++;
            }
        }
        this.firstOutputState = id * cls;
        for (int s = 0; s < n; s++) {
            if (!out.get(s).isEmpty()) {
                renumbered[s] = id++;
            }
        }
        // rows are indexed by state * classes, and transitions store that product directly
        delta = new int[n * cls];
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            int row = renumbered[s] * cls;
            for (int c = 0; c < cls; c++) {
                delta[row + c] = renumbered[next[s * cls + c]] * cls;
            }
            List<Integer> o = out.get(s);
            outputs[renumbered[s]] = o.isEmpty() ? null : o.stream().distinct().mapToInt(Integer::intValue).toArray();
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

    /** True when {@code text} contains any keyword (case-insensitively). */
    boolean containsAny(CharSequence text) {
        final int[] d = delta;
        final byte[] cl = classOf;
        final int firstOutput = firstOutputState;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            s = d[s + (c < 128 ? cl[c] : 0)];
            if (s >= firstOutput) {
                return true;
            }
        }
        return false;
    }

    /** Reports every keyword occurrence in {@code text[0, length)}, in order of end offset. */
    void scan(char[] text, int length, KeywordAutomaton.HitSink sink) {
        final int[] d = delta;
        final byte[] cl = classOf;
        final int firstOutput = firstOutputState;
        final int k = classes;
        int s = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            s = d[s + (c < 128 ? cl[c] : 0)];
            if (s >= firstOutput) {
                for (int h : outputs[s / k]) {
                    sink.hit(h, i + 1);
                }
            }
        }
    }
}
