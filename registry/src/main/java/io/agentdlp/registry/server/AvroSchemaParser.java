package io.agentdlp.registry.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;

/**
 * Parses Avro schema text with its references into canonical content. Referenced schemas are parsed
 * first (depth first, each once) into the same parser, so the schema can use their named types.
 * Stored schemas are cached by content, since a subject version never changes.
 */
final class AvroSchemaParser {
    private static final int CACHE_SIZE = 1000;

    private final Map<SchemaContent, Schema> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SchemaContent, Schema> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Finds the stored schema a reference points to. */
    interface ReferenceResolver {
        /**
         * @param version a version number, or -1 for the latest active version
         * @throws RegistryError 42201 when the subject version does not exist
         */
        SchemaRecord resolve(String subject, int version);
    }

    /**
     * Parses a schema submitted by a client.
     *
     * @throws RegistryError 42201 for a non-Avro type, empty or invalid schema, or a missing reference
     */
    ParsedSchema parse(String schemaType, String schemaText, List<SchemaReference> references, ReferenceResolver resolver) {
        if (schemaType != null && !SchemaContent.AVRO.equals(schemaType)) {
            throw RegistryError.invalidSchema("Invalid schema type " + schemaType + ": this registry serves AVRO schemas only");
        }
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("Empty schema");
        }
        List<SchemaReference> concrete = new ArrayList<>();
        for (SchemaReference ref : references) {
            SchemaRecord target = resolver.resolve(ref.subject(), ref.version());
            concrete.add(new SchemaReference(ref.name(), ref.subject(), target.version()));
        }
        Schema.Parser parser = new Schema.Parser();
        List<Schema> referenced = new ArrayList<>();
        parseReferences(parser, concrete, resolver, new HashSet<>(), referenced);
        Schema avro;
        try {
            avro = parser.parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
        }
        String canonical = referenced.isEmpty() ? avro.toString() : withReferencesByName(avro, referenced);
        return new ParsedSchema(avro, new SchemaContent(SchemaContent.AVRO, canonical, concrete));
    }

    // Avro has no non-deprecated way to print a schema while naming (not inlining) imported types.
    @SuppressWarnings("deprecation")
    private static String withReferencesByName(Schema schema, List<Schema> referenced) {
        return schema.toString(referenced, false);
    }

    /** Parses stored content (already validated when it was registered). */
    Schema parseStored(SchemaContent content, ReferenceResolver resolver) {
        synchronized (cache) {
            Schema cached = cache.get(content);
            if (cached != null) {
                return cached;
            }
        }
        if (!content.avro()) {
            throw RegistryError.invalidSchema("Stored schema has type " + content.schemaType() + ", not AVRO");
        }
        Schema.Parser parser = new Schema.Parser();
        parseReferences(parser, content.references(), resolver, new HashSet<>(), new ArrayList<>());
        Schema schema;
        try {
            schema = parser.parse(content.schema());
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema("Stored schema does not parse: " + e.getMessage());
        }
        synchronized (cache) {
            cache.put(content, schema);
        }
        return schema;
    }

    private static void parseReferences(Schema.Parser parser, List<SchemaReference> references, ReferenceResolver resolver,
                                        Set<String> seen, List<Schema> parsed) {
        for (SchemaReference ref : references) {
            if (!seen.add(ref.subject() + "\u0000" + ref.version())) {
                continue;
            }
            SchemaRecord target = resolver.resolve(ref.subject(), ref.version());
            parseReferences(parser, target.content().references(), resolver, seen, new ArrayList<>());
            try {
                parsed.add(parser.parse(target.content().schema()));
            } catch (RuntimeException e) {
                throw RegistryError.invalidSchema("Invalid schema: reference '" + ref.name() + "' (subject '"
                        + ref.subject() + "' version " + ref.version() + ") does not parse: " + e.getMessage());
            }
        }
    }
}
