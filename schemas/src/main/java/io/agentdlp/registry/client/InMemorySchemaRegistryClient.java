package io.agentdlp.registry.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * A complete in-memory registry with the semantics of a Confluent-compatible one: ids are
 * registry-wide and start at 1, the same schema text gets the same id in every subject, versions
 * count from 1 per subject, registering an already registered schema returns its id without a new
 * version, and misses raise the same typed exceptions and error codes as the HTTP client.
 * Compatibility is not enforced (like Confluent's mock). Used for {@code mock://} URLs.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        List<Integer> ids = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer id = idsByText.get(text);
        if (id == null) {
            id = nextId++;
            idsByText.put(text, id);
            schemasById.put(id, schema);
        }
        if (!ids.contains(id)) {
            ids.add(id);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        String op = "lookup subject=" + subject;
        List<Integer> ids = existing(subject, op);
        Integer id = idsByText.get(schema.toString());
        int index = id == null ? -1 : ids.indexOf(id);
        if (index < 0) {
            throw SchemaRegistryException.of(op, 404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return new RegisteredSchema(subject, id, index + 1, schemasById.get(id));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw SchemaRegistryException.of("fetch schema id=" + id, 404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> ids = existing(subject, "fetch subject=" + subject + " version=latest");
        return at(subject, ids, ids.size());
    }

    @Override
    public synchronized RegisteredSchema version(String subject, int version) {
        String op = "fetch subject=" + subject + " version=" + version;
        List<Integer> ids = existing(subject, op);
        if (version < 1) {
            throw SchemaRegistryException.of(op, 422, SchemaRegistryException.INVALID_VERSION,
                    "The specified version '" + version + "' is not a valid version id.");
        }
        if (version > ids.size()) {
            throw SchemaRegistryException.of(op, 404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + version + " not found.");
        }
        return at(subject, ids, version);
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        List<Integer> ids = existing(subject, "list versions subject=" + subject);
        List<Integer> versions = new ArrayList<>();
        for (int v = 1; v <= ids.size(); v++) {
            versions.add(v);
        }
        return List.copyOf(versions);
    }

    /** The subjects registered so far, in registration order. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    private List<Integer> existing(String subject, String op) {
        List<Integer> ids = subjects.get(subject);
        if (ids == null || ids.isEmpty()) {
            throw SchemaRegistryException.of(op, 404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return ids;
    }

    private RegisteredSchema at(String subject, List<Integer> ids, int version) {
        int id = ids.get(version - 1);
        return new RegisteredSchema(subject, id, version, schemasById.get(id));
    }
}
