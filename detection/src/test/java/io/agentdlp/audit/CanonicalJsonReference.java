package io.agentdlp.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The canonical JSON of the audit chain as written before 2026-11-25 (each string and scalar through
 * {@code JsonNode.toString()}), kept as the oracle of {@link CanonicalJsonTest}: the chain hashes these bytes,
 * so the faster writer must give exactly the same text.
 *
 * <p>Deterministic JSON text of a record for hashing: object keys sorted at every level, no
 * insignificant whitespace, numbers and strings as Jackson writes them. Two parties who parse and
 * re-serialise the same record get the same bytes, whatever key order a SIEM stored.
 */
final class CanonicalJsonReference {
    private CanonicalJsonReference() {
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
                sb.append(quote(keys.get(i))).append(':');
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
        } else {
            sb.append(n.toString());
        }
    }

    private static String quote(String s) {
        return JsonNodeFactory.instance.textNode(s).toString();
    }
}
