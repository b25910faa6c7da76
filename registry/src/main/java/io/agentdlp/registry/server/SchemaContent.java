package io.agentdlp.registry.server;

import java.util.List;
import java.util.Objects;

/**
 * What a schema id stands for: the schema text (canonical for schemas this registry wrote), its
 * type and its references. Two registrations with equal content share one global id.
 */
record SchemaContent(String schemaType, String schema, List<SchemaReference> references) {
    static final String AVRO = "AVRO";

    SchemaContent {
        Objects.requireNonNull(schema, "schema");
        schemaType = schemaType == null || schemaType.isBlank() ? AVRO : schemaType;
        references = List.copyOf(references);
    }

    boolean avro() {
        return AVRO.equals(schemaType);
    }
}
