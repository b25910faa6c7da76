package io.agentdlp.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deterministic JSON text of a record for hashing: object keys sorted at every level, no
 * insignificant whitespace, numbers and strings as Jackson writes them. Two parties who parse and
 * re-serialise the same record get the same bytes, whatever key order a SIEM stored.
 *
 * <p>The text is written straight as UTF-8 bytes, the form the chain hashes, with Jackson's own
 * string escaping (the table of {@code JsonStringEncoder}: named escapes for {@code \b \t \n \f \r
 * " \}, the six-char {@code u00XX} escape (upper-case hex) for the other controls, every other char as is) and with
 * a lone surrogate encoded as {@code ?}, as {@code String.getBytes(UTF_8)} does. Building a
 * {@code String} first and encoding it again, with a key list built and sorted per object, made
 * this the largest part of the trail's cost. Floating point, big numbers and binary nodes still go
 * through {@code toString()}. The chain hashes these bytes, so they must stay exactly the UTF-8 of
 * what {@code JsonNode.toString()} gives per value; {@code CanonicalJsonTest} compares the two.
 */
final class CanonicalJson {
    private static final Comparator<Map.Entry<String, JsonNode>> BY_KEY = Map.Entry.comparingByKey();
    @SuppressWarnings("unchecked")
    private static final Map.Entry<String, JsonNode>[] NO_FIELDS = new Map.Entry[0];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII char: 0 written as is, -1 written as the six-char {@code u00XX} escape, else the letter after a backslash. */
    private static final byte[] ESCAPES = escapes();
    /** A trail record's canonical text is one to two kilobytes. */
    private static final int INITIAL_CAPACITY = 2048;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private char[] chars = new char[256];
    private int len;

    private CanonicalJson() {
    }

    /** The canonical JSON of {@code node} as UTF-8 bytes. */
    static byte[] utf8(JsonNode node) {
        CanonicalJson out = new CanonicalJson();
        out.write(node);
        return Arrays.copyOf(out.buf, out.len);
    }

    private void write(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> object(n);
            case ARRAY -> array(n);
            case STRING -> quote(n.textValue());
            case BOOLEAN -> text(n.booleanValue() ? "true" : "false", false);
            case NULL -> text("null", false);
            default -> {
                if (n.isInt() || n.isLong() || n.isShort()) {
                    text(Long.toString(n.longValue()), false);
                } else {
                    text(n.toString(), false);
                }
            }
        }
    }

    private void object(JsonNode n) {
        Map.Entry<String, JsonNode>[] fields = n.properties().toArray(NO_FIELDS);
        if (fields.length > 1) {
            Arrays.sort(fields, BY_KEY);
        }
        ascii('{');
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                ascii(',');
            }
            quote(fields[i].getKey());
            ascii(':');
            write(fields[i].getValue());
        }
        ascii('}');
    }

    private void array(JsonNode n) {
        ascii('[');
        for (int i = 0; i < n.size(); i++) {
            if (i > 0) {
                ascii(',');
            }
            write(n.get(i));
        }
        ascii(']');
    }

    private void quote(String s) {
        ascii('"');
        text(s, true);
        ascii('"');
    }

    /** Appends {@code s} as UTF-8, JSON-escaped when {@code escape} is set. */
    private void text(String s, boolean escape) {
        int n = s.length();
        // at most three bytes per char (a pair is four bytes for two chars; an escape six for one ASCII char)
        ensure(escape ? 6 * n : 3 * n);
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        // one bulk copy, then plain array reads: charAt checks the string's coder and bounds per char
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                int esc = escape ? ESCAPES[c] : 0;
                if (esc == 0) {
                    b[p++] = (byte) c;
                } else if (esc > 0) {
                    b[p++] = '\\';
                    b[p++] = (byte) esc;
                } else {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = '?';
            }
        }
        len = p;
    }

    private void ascii(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (buf.length - len < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static byte[] escapes() {
        byte[] e = new byte[0x80];
        for (int c = 0; c < 0x20; c++) {
            e[c] = -1;
        }
        e['\b'] = 'b';
        e['\t'] = 't';
        e['\n'] = 'n';
        e['\f'] = 'f';
        e['\r'] = 'r';
        e['"'] = '"';
        e['\\'] = '\\';
        return e;
    }
}
