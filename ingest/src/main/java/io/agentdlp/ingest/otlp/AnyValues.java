package io.agentdlp.ingest.otlp;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * Coercion of OTLP attribute values: agents send numbers as {@code intValue}, {@code doubleValue} or
 * strings ({@code "prompt_length":"30"}) and booleans as {@code boolValue} or {@code "true"}.
 */
public final class AnyValues {
    private AnyValues() {
    }

    /** Text of a value; arrays and maps as their string leaves joined by newlines; null when empty. */
    public static String text(AnyValue v) {
        if (v == null) {
            return null;
        }
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue().isEmpty() ? null : v.getStringValue();
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> {
                double d = v.getDoubleValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            }
            case ARRAY_VALUE -> joined(v.getArrayValue().getValuesList());
            case KVLIST_VALUE -> joined(v.getKvlistValue().getValuesList().stream().map(KeyValue::getValue).toList());
            default -> null; // bytes and value kinds newer than this code carry no text
        };
    }

    /** Integer of a value (int, whole double, or decimal text); null when absent or not a number. */
    public static Long number(AnyValue v) {
        if (v == null) {
            return null;
        }
        return switch (v.getValueCase()) {
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> (long) v.getDoubleValue();
            case STRING_VALUE -> {
                try {
                    yield (long) Double.parseDouble(v.getStringValue().trim());
                } catch (NumberFormatException e) {
                    yield null; // a non-numeric size is treated as unknown
                }
            }
            default -> null;
        };
    }

    private static String joined(List<AnyValue> values) {
        List<String> parts = new ArrayList<>();
        for (AnyValue v : values) {
            String t = text(v);
            if (t != null) {
                parts.add(t);
            }
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }
}
