package io.agentdlp.detection.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Structural checks a rule can require of a candidate secret, referenced by name from rule files
 * ({@code validator: github-checksum}). A candidate failing its rule's validator is not reported.
 */
public enum SecretValidator {
    /** GitHub tokens ({@code ghp_ gho_ ghu_ ghs_ ghr_}): last 6 chars are base62 CRC32 of the 30 random chars. */
    GITHUB_CHECKSUM("github-checksum") {
        @Override
        public boolean accepts(String secret) {
            return crc32Base62Suffix(secret, 4);
        }
    },
    /** npm tokens ({@code npm_}): same construction as GitHub's. */
    NPM_CHECKSUM("npm-checksum") {
        @Override
        public boolean accepts(String secret) {
            return crc32Base62Suffix(secret, 4);
        }
    },
    /** JWT: three base64url segments, the header a JSON object naming {@code alg}, the payload a JSON object. */
    JWT("jwt") {
        @Override
        public boolean accepts(String secret) {
            String[] parts = secret.split("\\.", -1);
            if (parts.length != 3 || parts[2].length() < 16) {
                return false;
            }
            String header = decodeBase64(parts[0]);
            String payload = decodeBase64(parts[1]);
            return header != null && payload != null
                    && header.trim().startsWith("{") && header.contains("\"alg\"")
                    && payload.trim().startsWith("{") && payload.trim().endsWith("}");
        }
    },
    /** Base64 of {@code user:password} (HTTP basic auth, Docker {@code auths}) with a real password part. */
    BASIC_AUTH_BASE64("basic-auth-base64") {
        @Override
        public boolean accepts(String secret) {
            String decoded = decodeBase64(secret);
            if (decoded == null || !isPrintable(decoded)) {
                return false;
            }
            int colon = decoded.indexOf(':');
            return colon > 0 && decoded.length() - colon - 1 >= 4;
        }
    },
    /** Base64 of printable text of at least 6 chars (values of Kubernetes Secret {@code data}). */
    BASE64_TEXT("base64-text") {
        @Override
        public boolean accepts(String secret) {
            String decoded = decodeBase64(secret);
            return decoded != null && decoded.strip().length() >= 6 && isPrintable(decoded);
        }
    },
    /** PEM block whose body holds at least 64 base64 chars (not an elided placeholder). */
    PEM_BODY("pem-body") {
        @Override
        public boolean accepts(String secret) {
            return pemBodyChars(secret) >= 64;
        }
    };

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** A PEM body line's char classes, or-ed over the line: base64 chars (and non-ASCII letters or digits) are 0. */
    private static final byte OUTSIDE = 1;
    private static final byte COLON = 2;
    /** Per ASCII char, its PEM body class. */
    private static final byte[] PEM_CLASS = pemClasses();
    /** Per ASCII char, its value in base64 with {@code -_} read as {@code +/}, or -1. */
    private static final byte[] BASE64_VALUE = base64Values();
    private final String id;

    SecretValidator(String id) {
        this.id = id;
    }

    /** True when {@code secret} has the structure this validator demands. */
    public abstract boolean accepts(String secret);

    /**
     * The decoded form of {@code secret} for validators that decode it (so that placeholders hidden by
     * base64 can be recognised), else {@code secret} itself.
     */
    public String decodedForm(String secret) {
        if (this == BASIC_AUTH_BASE64 || this == BASE64_TEXT) {
            String d = decodeBase64(secret);
            return d == null ? secret : d;
        }
        return secret;
    }

    /** The name used in rule files. */
    public String id() {
        return id;
    }

    /** Validator named {@code id} in a rule file, or {@code null} when unknown. */
    static SecretValidator byId(String id) {
        for (SecretValidator v : values()) {
            if (v.id.equals(id.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }

    /** The 6-char base62 CRC32 checksum GitHub and npm append to the random part of a token. */
    public static String crc32Base62(String randomPart) {
        CRC32 crc = new CRC32();
        crc.update(randomPart.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    private static boolean crc32Base62Suffix(String token, int prefixLength) {
        if (token.length() != prefixLength + 36) {
            return false;
        }
        String random = token.substring(prefixLength, token.length() - 6);
        return crc32Base62(random).equals(token.substring(token.length() - 6));
    }

    /**
     * The base64 chars of a PEM block's body lines, or -1 when a body line holds another char. Body lines are the
     * lines ({@code \n}-separated, stripped as {@link String#strip()}) that are not empty, do not start with
     * {@code ----} and hold no {@code :} (headers such as {@code Proc-Type:}). Walks the block in place: the
     * blocks are kilobytes long, and splitting them into stripped line strings cost most of the check.
     */
    static int pemBodyChars(String block) {
        int body = 0;
        int n = block.length();
        int from = 0;
        while (from <= n) {
            int nl = block.indexOf('\n', from);
            int end = nl < 0 ? n : nl;
            int s = from;
            while (s < end && Character.isWhitespace(block.charAt(s))) {
                s++;
            }
            int e = end;
            while (e > s && Character.isWhitespace(block.charAt(e - 1))) {
                e--;
            }
            boolean delimiter = e - s >= 4 && block.charAt(s) == '-' && block.charAt(s + 1) == '-'
                    && block.charAt(s + 2) == '-' && block.charAt(s + 3) == '-';
            if (!delimiter) {
                // a line holding ':' is skipped even after a char outside the alphabet, so the line's classes are
                // gathered first and judged once
                int classes = 0;
                for (int i = s; i < e; i++) {
                    char c = block.charAt(i);
                    classes |= c < 128 ? PEM_CLASS[c] : Character.isLetterOrDigit(c) ? 0 : OUTSIDE;
                }
                if ((classes & COLON) == 0) {
                    if (classes != 0) {
                        return -1;
                    }
                    body += e - s;
                }
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return body;
    }

    private static byte[] pemClasses() {
        byte[] classes = new byte[128];
        for (char c = 0; c < 128; c++) {
            boolean body = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
            classes[c] = c == ':' ? COLON : body ? 0 : OUTSIDE;
        }
        return classes;
    }

    /**
     * The bytes (as ISO-8859-1 chars) that {@link Base64#getDecoder()} gives for {@code s} stripped, with
     * {@code -_} read as {@code +/}, its trailing {@code =} dropped and the padding restored; null when the
     * length leaves a lone char or a char is outside the alphabet (the decoder rejects a {@code =} before the
     * padding too). Decoded in place: this runs on every value of the base64 rules, twice for most.
     */
    static String decodeBase64(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        while (to > from && s.charAt(to - 1) == '=') {
            to--;
        }
        int length = to - from;
        if (length % 4 == 1) {
            return null;
        }
        byte[] out = new byte[length / 4 * 3 + Math.max(0, length % 4 - 1)];
        int bits = 0;
        int o = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(from + i);
            int v = c < 128 ? BASE64_VALUE[c] : -1;
            if (v < 0) {
                return null;
            }
            bits = bits << 6 | v;
            if ((i & 3) == 3) {
                out[o++] = (byte) (bits >> 16);
                out[o++] = (byte) (bits >> 8);
                out[o++] = (byte) bits;
                bits = 0;
            }
        }
        int rest = length & 3;
        if (rest == 2) {
            out[o] = (byte) (bits >> 4);
        } else if (rest == 3) {
            out[o++] = (byte) (bits >> 10);
            out[o] = (byte) (bits >> 2);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static byte[] base64Values() {
        byte[] values = new byte[128];
        Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        values['-'] = 62;
        values['_'] = 63;
        return values;
    }

    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
