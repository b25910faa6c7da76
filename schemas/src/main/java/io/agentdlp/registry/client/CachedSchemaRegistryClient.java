package io.agentdlp.registry.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.avro.Schema;

/**
 * Bounded caches in front of another client, so the serde calls the registry once per schema and
 * not once per record: id → schema, (subject, schema) → id, (subject, version) → schema, and
 * subject → latest version for a configurable time. Ids and versions never change meaning in a
 * Confluent-compatible registry, so only "latest" expires.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final BoundedCache<Integer, Schema> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySchema;
    private final BoundedCache<SubjectSchema, RegisteredSchema> lookups;
    private final BoundedCache<SubjectVersion, RegisteredSchema> versions;
    private final BoundedCache<String, Expiring> latest;
    private final Optional<Duration> latestTtl;
    private final LongSupplier nanoClock;

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record SubjectVersion(String subject, int version) {
    }

    private record Expiring(RegisteredSchema value, long loadedAtNanos) {
    }

    /**
     * @param capacity   capacity of each cache
     * @param latestTtl  how long a latest-version answer is reused; empty = forever, zero = never
     */
    public CachedSchemaRegistryClient(SchemaRegistryClient delegate, int capacity, Optional<Duration> latestTtl) {
        this(delegate, capacity, latestTtl, System::nanoTime);
    }

    CachedSchemaRegistryClient(SchemaRegistryClient delegate, int capacity, Optional<Duration> latestTtl, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.schemasById = new BoundedCache<>(capacity);
        this.idsBySchema = new BoundedCache<>(capacity);
        this.lookups = new BoundedCache<>(capacity);
        this.versions = new BoundedCache<>(capacity);
        this.latest = new BoundedCache<>(capacity);
        this.latestTtl = latestTtl;
        this.nanoClock = nanoClock;
    }

    /** An HTTP client with caches, as configured. */
    public static CachedSchemaRegistryClient http(RegistryClientConfig config) {
        return new CachedSchemaRegistryClient(new HttpSchemaRegistryClient(config), config.cacheCapacity(), config.latestTtl());
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySchema.computeIfAbsent(new SubjectSchema(subject, schema), k -> {
            int id = delegate.register(subject, schema);
            rememberSchema(id, schema);
            return id;
        });
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return lookups.computeIfAbsent(new SubjectSchema(subject, schema), k -> {
            RegisteredSchema found = delegate.lookup(subject, schema);
            rememberSchema(found.id(), schema);
            return found;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        if (latestTtl.isPresent() && latestTtl.get().isZero()) {
            return remember(delegate.latest(subject));
        }
        Expiring cached = latest.get(subject);
        long now = nanoClock.getAsLong();
        if (cached != null && (latestTtl.isEmpty() || now - cached.loadedAtNanos() < latestTtl.get().toNanos())) {
            return cached.value();
        }
        RegisteredSchema fresh = remember(delegate.latest(subject));
        latest.put(subject, new Expiring(fresh, now));
        return fresh;
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return versions.computeIfAbsent(new SubjectVersion(subject, version), k -> remember(delegate.version(subject, version)));
    }

    @Override
    public List<Integer> versions(String subject) {
        return delegate.versions(subject);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Keeps one Schema instance per id, so readers keyed by schema stay cached across calls. */
    private RegisteredSchema remember(RegisteredSchema found) {
        Schema canonical = schemasById.computeIfAbsent(found.id(), id -> found.schema());
        return canonical == found.schema() ? found
                : new RegisteredSchema(found.subject(), found.id(), found.version(), canonical);
    }

    private void rememberSchema(int id, Schema schema) {
        if (schemasById.get(id) == null) {
            schemasById.put(id, schema);
        }
    }
}
