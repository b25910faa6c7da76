package io.agentdlp.registry.server;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Applies a compatibility level with Avro's {@link SchemaCompatibility}, reporting problems in the
 * shape Confluent's registry uses ({@code {errorType:'...', description:'...', additionalInfo:'...'}},
 * then {@code {oldSchemaVersion: N}}, {@code {oldSchema: '...'}}, {@code {compatibility: 'LEVEL'}}).
 */
final class CompatibilityChecker {

    /** A version the candidate is checked against. */
    record Previous(int version, Schema schema, String schemaText) {
    }

    private CompatibilityChecker() {
    }

    /**
     * Checks the candidate against previous versions, newest first: only the newest unless the level
     * is transitive. Stops at the first incompatible version.
     *
     * @return problems; empty when compatible
     */
    static List<String> check(Schema candidate, List<Previous> newestFirst, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || newestFirst.isEmpty()) {
            return List.of();
        }
        List<Previous> targets = level.transitive() ? newestFirst : newestFirst.subList(0, 1);
        for (Previous previous : targets) {
            List<String> problems = new ArrayList<>();
            if (level.backward()) {
                problems.addAll(describe(candidate, previous.schema(), "new", "old"));
            }
            if (level.forward()) {
                problems.addAll(describe(previous.schema(), candidate, "old", "new"));
            }
            if (!problems.isEmpty()) {
                problems.add("{oldSchemaVersion: " + previous.version() + "}");
                problems.add("{oldSchema: '" + previous.schemaText() + "'}");
                problems.add("{compatibility: '" + level.name() + "'}");
                return problems;
            }
        }
        return List.of();
    }

    private static List<String> describe(Schema reader, Schema writer, String readerLabel, String writerLabel) {
        List<String> out = new ArrayList<>();
        for (Incompatibility i : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities()) {
            out.add("{errorType:'" + i.getType() + "', description:'" + description(i, readerLabel, writerLabel)
                    + "', additionalInfo:'" + i.getMessage() + "'}");
        }
        return out;
    }

    private static String description(Incompatibility i, String reader, String writer) {
        String path = i.getLocation();
        return switch (i.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + i.getMessage() + "' at path '" + path + "' in the "
                    + reader + " schema has no default value and is missing in the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '" + i.getMessage()
                    + "' at path '" + path + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '"
                    + path + "' in the " + writer + " schema";
        };
    }
}
