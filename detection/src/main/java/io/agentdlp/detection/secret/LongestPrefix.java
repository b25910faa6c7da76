package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest of a finite set of ASCII strings that a text holds at a position, each text char folded to ASCII
 * lower case before it is compared (as {@code (?i)} without {@code u} compares): one walk down a trie of the
 * strings, one table load per char, instead of a comparison per string (an assignment prefix such as
 * {@code api[_.\-]?key|access[_.\-]?key|...} expands into two dozen strings). Immutable.
 */
final class LongestPrefix {
    /** Per ASCII char, its column in {@link #next}; 0 when no string holds it. */
    private final byte[] classOf = new byte[128];
    private final int classes;
    /** Per node and column, the child node; 0 when there is none (the root is nobody's child). */
    private final int[] next;
    /** Per node, whether a string ends there. */
    private final boolean[] ends;

    LongestPrefix(char[][] strings) {
        int cls = 1;
        for (char[] s : strings) {
            for (char c : s) {
                if (c >= 128) {
                    throw new IllegalArgumentException("prefix strings must be ASCII");
                }
                if (classOf[c] == 0) {
                    classOf[c] = (byte) cls++;
                }
            }
        }
        this.classes = cls;
        List<int[]> rows = new ArrayList<>();
        List<Boolean> ending = new ArrayList<>();
        rows.add(new int[cls]);
        ending.add(false);
        for (char[] s : strings) {
            int node = 0;
            for (char c : s) {
                int col = classOf[c];
                if (rows.get(node)[col] == 0) {
                    rows.get(node)[col] = rows.size();
                    rows.add(new int[cls]);
                    ending.add(false);
                }
                node = rows.get(node)[col];
            }
            ending.set(node, true);
        }
        this.next = new int[rows.size() * cls];
        this.ends = new boolean[rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            System.arraycopy(rows.get(n), 0, next, n * cls, cls);
            ends[n] = ending.get(n);
        }
    }

    /** The end of the shortest string at {@code start} within {@code [start, end)}, or -1 when none is there. */
    int shortestEnd(char[] text, int start, int end) {
        return walk(text, start, end, true);
    }

    /** The end of the longest string at {@code start} within {@code [start, end)}, or -1 when none is there. */
    int end(char[] text, int start, int end) {
        return walk(text, start, end, false);
    }

    private int walk(char[] text, int start, int end, boolean shortest) {
        int best = ends[0] ? start : -1;
        if (shortest && best >= 0) {
            return best;
        }
        int node = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c >= 128) {
                break;
            }
            int col = classOf[c];
            if (col == 0) {
                break;
            }
            node = next[node * classes + col];
            if (node == 0) {
                break;
            }
            if (ends[node]) {
                best = i + 1;
                if (shortest) {
                    break;
                }
            }
        }
        return best;
    }
}
