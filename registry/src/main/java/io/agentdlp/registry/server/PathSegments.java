package io.agentdlp.registry.server;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits raw request paths into percent-decoded segments (so a subject may contain an encoded
 * {@code /}), and raw query strings into parameters.
 */
final class PathSegments {
    private PathSegments() {
    }

    /** Segments of a raw path; empty segments (leading, trailing or doubled slashes) are dropped. */
    static List<String> split(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(decode(s));
            }
        }
        return out;
    }

    /**
     * Percent-decodes one path segment as UTF-8 ({@code +} stays a plus sign in paths).
     *
     * @throws RegistryError 400 for a malformed escape
     */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            int c = segment.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw RegistryError.badRequest("Malformed percent-encoding in path");
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw RegistryError.badRequest("Malformed percent-encoding in path");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = Character.toString(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(c) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Query parameters of a raw query string (first value wins). */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw RegistryError.badRequest("Malformed query string");
            }
        }
        return out;
    }
}
