package io.agentdlp.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deterministic JSON text of a record for hashing: object keys sorted at every level, no
 * insignificant whitespace, numbers and strings as Jackson writes them. Two parties who parse and
 * re-serialise the same record get the same bytes, whatever key order a SIEM stored.
 *
 * <p>Strings, booleans, nulls and integers are written here with Jackson's own escaping rules
 * ({@link JsonStringEncoder}, the table its generators use): {@code JsonNode.toString()} builds a
 * generator, writer and buffers for every value, which made the audit trail one of the largest
 * allocators on the path. Other numbers (floating point, big decimals and integers) and binary
 * nodes still go through {@code toString()}. The chain hashes these bytes, so the text must stay
 * exactly what {@code toString()} gives; {@code CanonicalJsonTest} compares the two.
 */
final class CanonicalJson {
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private CanonicalJson() {
    }

    static String of(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(keys.get(i), sb);
                sb.append(':');
                write(n.get(keys.get(i)), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(n.get(i), sb);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            quote(n.textValue(), sb);
        } else if (n.isInt() || n.isLong() || n.isShort()) {
            sb.append(n.longValue());
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else if (n.isNull()) {
            sb.append("null");
        } else {
            sb.append(n.toString());
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        STRINGS.quoteAsString(s, sb);
        sb.append('"');
    }
}
