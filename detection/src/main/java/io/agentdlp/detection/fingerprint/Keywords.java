package io.agentdlp.detection.fingerprint;

/**
 * The keywords the lexer keeps as themselves (every other word is an identifier and normalised): the
 * union of the reserved words of the supported languages, minus words that are also common identifiers
 * in another popular language ({@code type}, {@code match}, {@code end}, {@code in}, {@code is},
 * {@code when}, {@code record}, {@code delete}, and reserved words that name functions, parameters,
 * annotations or library objects elsewhere: {@code self}, {@code None}, {@code and}/{@code or}/{@code not},
 * {@code with}, {@code until}, {@code func}, {@code fn}, {@code guard}, {@code default},
 * {@code synchronized}, {@code throws}, {@code volatile}, {@code inline}, {@code mutable}, {@code union},
 * {@code operator}, {@code constructor}, {@code val}...). A word kept as a keyword that a user renames in a
 * language where it is an ordinary identifier changes the fingerprints, while a word treated as an
 * identifier costs only a little discrimination, so the list errs on the small side. SQL keywords count
 * only in upper case, because their lower-case forms ({@code update}, {@code count}, {@code order}) are
 * everyday identifiers.
 *
 * <p>Lookup is by the 64-bit hash the lexer computes while scanning a word, confirmed by comparing the
 * chars, in an open-addressing table: no allocation per word.
 */
final class Keywords {
    /** Part of the fingerprint format: changing the list changes fingerprints (bump the format version). */
    private static final String[] WORDS = {
            // C family, Java, C#, Kotlin, Scala, Swift, Go, Rust, PHP, JS/TS
            "abstract", "assert", "auto", "boolean", "bool", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return",
            "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
            "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "yield",
            "sealed", "permits", "extern", "inline", "signed", "sizeof", "struct", "typedef", "union",
            "unsigned", "alignof", "constexpr", "decltype", "explicit", "export", "friend", "mutable",
            "namespace", "noexcept", "nullptr", "operator", "static_assert", "template", "thread_local",
            "typeid", "typename", "using", "virtual", "static_cast", "dynamic_cast", "reinterpret_cast",
            "const_cast", "foreach", "internal", "override", "readonly", "sbyte", "stackalloc", "uint",
            "ulong", "ushort", "unchecked", "unsafe", "async", "await", "fun", "val", "typealias",
            "companion", "lateinit", "suspend", "reified", "tailrec", "crossinline", "noinline", "vararg",
            "constructor", "def", "trait", "implicit", "forSome", "func", "chan", "defer", "fallthrough",
            "go", "nil", "fn", "let", "mut", "impl", "pub", "crate", "dyn", "mod", "use",
            "Self", "self", "function", "typeof", "debugger", "undefined", "keyof", "declare",
            "guard", "deinit", "fileprivate", "inout", "rethrows", "associatedtype",
            "elseif", "endif", "endforeach", "endwhile", "insteadof", "require_once", "include_once",
            // Python, Ruby, shell
            "and", "or", "not", "as", "del", "elif", "except", "global", "lambda", "nonlocal", "pass",
            "raise", "with", "None", "True", "False", "unless", "until", "elsif", "rescue", "ensure",
            "fi", "esac",
            // SQL, upper case only
            "SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CREATE",
            "TABLE", "ALTER", "DROP", "JOIN", "INNER", "LEFT", "OUTER", "ON", "AS", "AND", "OR", "NOT",
            "NULL", "IS", "IN", "EXISTS", "BETWEEN", "LIKE", "GROUP", "BY", "ORDER", "HAVING", "UNION",
            "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "PRIMARY", "KEY", "FOREIGN", "REFERENCES",
    };


    /**
     * Words of {@link #WORDS} that are treated as identifiers after all: reserved in one language, but names
     * of functions, parameters, annotations or library objects in another ({@code self}, {@code None},
     * {@code and}, {@code with}, {@code until}, {@code func}, {@code synchronized}, {@code throws}...), where
     * renaming them changed the fingerprints. They keep their place in {@link #WORDS} so that the other
     * keywords keep their ids, and with them the values of fingerprints without these words.
     */
    private static final java.util.Set<String> RETIRED = java.util.Set.of("bool", "default", "native",
            "synchronized", "throws", "transient", "volatile", "union", "inline", "mutable", "namespace",
            "operator", "template", "foreach", "unchecked", "val", "tailrec", "constructor", "func", "defer",
            "fn", "impl", "mod", "use", "self", "guard", "and", "or", "not", "with", "global", "None", "unless",
            "until", "ensure");
    private static final int SLOTS = 1024;
    private static final long[] HASHES = new long[SLOTS];
    private static final char[][] TEXTS = new char[SLOTS][];
    private static final int[] IDS = new int[SLOTS];
    private static final int COUNT;

    static {
        int next = 0;
        for (String w : WORDS) {
            long h = hashOf(w);
            int slot = (int) h & (SLOTS - 1);
            boolean duplicate = false;
            while (TEXTS[slot] != null) {
                if (new String(TEXTS[slot]).equals(w)) {
                    duplicate = true;
                    break;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            if (duplicate) {
                continue;
            }
            if (!RETIRED.contains(w)) {
                HASHES[slot] = h;
                TEXTS[slot] = w.toCharArray();
                IDS[slot] = next;
            }
            next++;
        }
        COUNT = next;
    }

    private Keywords() {
    }

    /** Number of distinct keywords; keyword ids are {@code 0..count()-1}. */
    static int count() {
        return COUNT;
    }

    /** FNV-1a step, the same the lexer applies per char of a word. */
    static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    static final long SEED = 0xcbf29ce484222325L;

    static long hashOf(CharSequence s) {
        long h = SEED;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }

    /** Keyword id of {@code text[from, from+len)} whose word hash is {@code h}, or -1 when it is no keyword. */
    static int lookup(long h, char[] text, int from, int len) {
        int slot = (int) h & (SLOTS - 1);
        char[] t;
        while ((t = TEXTS[slot]) != null) {
            if (HASHES[slot] == h && t.length == len && sameChars(t, text, from)) {
                return IDS[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return -1;
    }

    private static boolean sameChars(char[] word, char[] text, int from) {
        for (int i = 0; i < word.length; i++) {
            if (word[i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }
}
