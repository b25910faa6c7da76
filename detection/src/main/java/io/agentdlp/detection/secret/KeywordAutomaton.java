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
 */
final class KeywordAutomaton {
    /** Receives every keyword occurrence as (keyword index, end offset exclusive). */
    interface HitSink {
        void hit(int keyword, int end);
    }

    private final String[] keywords;
    private final byte[] classOf = new byte[128];
    private final int classes;
    private final int[] delta;
    /** Keywords ending at each state, including those reached through failure links; null if none. */
    private final int[][] outputs;

    KeywordAutomaton(List<String> keywordList) {
        this.keywords = keywordList.stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        int cls = 1;
        for (String k : keywords) {
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
        delta = new int[n * cls];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < cls; c++) {
            int t = trie.get(0)[c];
            if (t > 0) {
                fail[t] = 0;
                delta[c] = t;
                queue.add(t);
            } else {
                delta[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 0; c < cls; c++) {
                int t = trie.get(s)[c];
                if (t > 0) {
                    fail[t] = delta[fail[s] * cls + c];
                    delta[s * cls + c] = t;
                    queue.add(t);
                } else {
                    delta[s * cls + c] = delta[fail[s] * cls + c];
                }
            }
        }
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            List<Integer> o = out.get(s);
            outputs[s] = o.isEmpty() ? null : o.stream().distinct().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] newRow(int cls) {
        int[] row = new int[cls];
        Arrays.fill(row, -1);
        return row;
    }

    int keywordLength(int keyword) {
        return keywords[keyword].length();
    }

    int keywordCount() {
        return keywords.length;
    }

    /** True when {@code text} contains any keyword (case-insensitively). */
    boolean containsAny(CharSequence text) {
        final int[] d = delta;
        final byte[] cl = classOf;
        final int[][] o = outputs;
        final int k = classes;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            s = d[s * k + (c < 128 ? cl[c] : 0)];
            if (o[s] != null) {
                return true;
            }
        }
        return false;
    }

    /** Reports every keyword occurrence in {@code text[0, length)}, in order of end offset. */
    void scan(char[] text, int length, HitSink sink) {
        final int[] d = delta;
        final byte[] cl = classOf;
        final int[][] o = outputs;
        final int k = classes;
        int s = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            s = d[s * k + (c < 128 ? cl[c] : 0)];
            int[] hits = o[s];
            if (hits != null) {
                for (int h : hits) {
                    sink.hit(h, i + 1);
                }
            }
        }
    }
}
