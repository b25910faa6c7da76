package io.agentdlp.detection.policy;

/**
 * A key under which two strings are equal exactly when {@link String#equalsIgnoreCase} says so:
 * each char becomes {@code toLowerCase(toUpperCase(c))}, which is the comparison
 * {@code equalsIgnoreCase} makes char by char. Used to look exact patterns up in a hash map.
 */
final class CaseFold {
    private CaseFold() {
    }

    /** The folded key, or null for null. */
    static String of(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) == fold(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = s.toCharArray();
        for (; i < n; i++) {
            out[i] = fold(out[i]);
        }
        return new String(out);
    }

    /** True when folding char by char may disagree with equalsIgnoreCase (which compares code points). */
    static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
