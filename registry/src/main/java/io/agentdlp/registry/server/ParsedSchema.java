package io.agentdlp.registry.server;

import org.apache.avro.Schema;

/**
 * A schema that parsed: Avro's object for compatibility checks, and the content to store and compare
 * (canonical text: Avro's normalised JSON, with referenced named types printed by name only).
 */
record ParsedSchema(Schema avro, SchemaContent content) {
}
