package io.agentdlp.registry.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations, Confluent's semantics: reads come from the in-memory view, writes go to
 * the schemas topic and return once this instance has read them back.
 *
 * <p>Writers are serialised per instance. Across instances there is no leader: a writer first reads the
 * log to its end, picks the next id ({@code max seen + 1}) and version, writes, and reads its record
 * back. If another instance's record got there first (the view rejects the later one), the writer
 * restores the key to the accepted value and retries with fresh numbers.
 */
final class SchemaRegistry {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final int MAX_WRITE_ATTEMPTS = 10;
    private static final Duration READ_CATCH_UP = Duration.ofSeconds(2);

    private final RegistryState state;
    private final SchemasTopic topic;
    private final CompatibilityLevel defaultLevel;
    private final Duration writeTimeout;
    private final AvroSchemaParser parser = new AvroSchemaParser();
    private final ReentrantLock writer = new ReentrantLock(true);

    /** A schema as a client sends it to register, look up or check. */
    record SchemaRequest(String schemaType, String schema, List<SchemaReference> references) {
        SchemaRequest {
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    SchemaRegistry(RegistryState state, SchemasTopic topic, CompatibilityLevel defaultLevel, Duration writeTimeout) {
        this.state = state;
        this.topic = topic;
        this.defaultLevel = defaultLevel;
        this.writeTimeout = writeTimeout;
    }

    /**
     * Registers a schema under a subject: returns the id of an identical active version, or the id of
     * identical content in any subject, or a new id.
     *
     * @throws RegistryError 42201 invalid schema, 409 incompatible, 5000x store failures
     */
    int register(String subject, SchemaRequest request) {
        writer.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                topic.catchUp(writeTimeout);
                ParsedSchema parsed = parse(request);
                Optional<SchemaRecord> same = newestWithContent(subject, parsed.content(), false);
                if (same.isPresent()) {
                    return same.get().id();
                }
                List<String> problems = CompatibilityChecker.check(parsed.avro(), previousNewestFirst(subject),
                        effectiveLevel(subject));
                if (!problems.isEmpty()) {
                    throw RegistryError.incompatible(subject, problems);
                }
                OptionalInt existingId = state.idFor(parsed.content());
                int id = existingId.isPresent() ? existingId.getAsInt() : state.maxId() + 1;
                int version = state.maxVersion(subject) + 1;
                SchemaRecord record = new SchemaRecord(subject, version, id, parsed.content(), false);
                topic.write(SchemaLogCodec.schemaKey(subject, version), SchemaLogCodec.schemaValue(record), writeTimeout);
                Optional<SchemaRecord> stored = state.version(subject, version);
                if (stored.isPresent() && stored.get().sameRegistration(record) && !stored.get().deleted()) {
                    log.info("event=schema_registered subject={} version={} id={} newId={}", subject, version, id,
                            existingId.isEmpty());
                    return id;
                }
                restore(subject, version);
                if (attempt == MAX_WRITE_ATTEMPTS) {
                    throw RegistryError.storeError("Register operation failed: another registry instance took the same id or "
                            + "version " + attempt + " times in a row", null);
                }
                log.warn("event=schema_register_conflict subject={} version={} id={} attempt={}", subject, version, id, attempt);
                backOff(attempt);
            }
        } finally {
            writer.unlock();
        }
    }

    /** Random, growing pause after a lost race, so that two instances writing in lockstep fall out of step. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 20L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("Interrupted while retrying a registration", e);
        }
    }

    /**
     * Rewrites a key whose write lost a race, so that compaction keeps the value every instance accepted.
     * When no instance has an accepted value for the key (the record lost on its id, not its version), nothing
     * is written: a tombstone could land after another instance's accepted registration of that version, which
     * every reader would then apply as a delete of a schema already returned to a client.
     */
    private void restore(String subject, int version) {
        topic.catchUp(writeTimeout);
        Optional<SchemaRecord> accepted = state.version(subject, version);
        if (accepted.isPresent()) {
            topic.write(SchemaLogCodec.schemaKey(subject, version), SchemaLogCodec.schemaValue(accepted.get()), writeTimeout);
        }
    }

    /**
     * Finds the version of a subject holding this schema.
     *
     * @throws RegistryError 40401 unknown subject, 40403 schema not under the subject, 42201 invalid schema
     */
    SchemaRecord lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        if (state.versions(subject, includeDeleted).isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        ParsedSchema parsed = parse(request);
        return newestWithContent(subject, parsed.content(), includeDeleted).orElseThrow(RegistryError::schemaNotFound);
    }

    List<String> subjects(boolean includeDeleted, String prefix) {
        return state.subjects(includeDeleted).stream().filter(s -> prefix == null || s.startsWith(prefix)).toList();
    }

    /** @throws RegistryError 40401 when the subject has no (active, unless includeDeleted) version */
    List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaRecord> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions.stream().map(SchemaRecord::version).toList();
    }

    /** @throws RegistryError 40401 unknown subject, 40402 unknown version */
    SchemaRecord version(String subject, VersionId version, boolean includeDeleted) {
        if (version.latest()) {
            return state.latest(subject, includeDeleted).orElseThrow(() -> RegistryError.subjectNotFound(subject));
        }
        Optional<SchemaRecord> record = state.version(subject, version.number()).filter(r -> includeDeleted || !r.deleted());
        if (record.isPresent()) {
            return record.get();
        }
        if (state.versions(subject, includeDeleted).isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        throw RegistryError.versionNotFound(version.number());
    }

    List<Integer> referencedBy(String subject, VersionId version) {
        SchemaRecord record = version(subject, version, true);
        return state.referencedBy(subject, record.version());
    }

    /**
     * The schema behind a global id, soft-deleted or not. On a miss, first reads the log to its end: a
     * client may ask this instance for an id another instance has just assigned.
     *
     * @throws RegistryError 40403 when no subject version holds the id
     */
    SchemaContent schemaById(int id) {
        Optional<SchemaContent> content = state.contentById(id);
        if (content.isEmpty()) {
            topic.catchUp(READ_CATCH_UP);
            content = state.contentById(id);
        }
        return content.orElseThrow(() -> RegistryError.schemaNotFound(id));
    }

    /** Subject versions registered with an id. @throws RegistryError 40403 for an unknown id */
    List<SchemaRecord> versionsOfId(int id, boolean includeDeleted) {
        schemaById(id);
        return state.recordsWithId(id, includeDeleted);
    }

    /**
     * Soft-deletes every active version of a subject or, with {@code permanent}, removes an already
     * soft-deleted subject from the log.
     *
     * @return the versions deleted
     * @throws RegistryError 40401, 40404 (already soft-deleted), 40405 (permanent before soft), 42206 (referenced)
     */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        writer.lock();
        try {
            topic.catchUp(writeTimeout);
            List<SchemaRecord> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            List<SchemaRecord> active = all.stream().filter(r -> !r.deleted()).toList();
            if (!permanent) {
                if (active.isEmpty()) {
                    throw RegistryError.subjectSoftDeleted(subject);
                }
                for (SchemaRecord r : active) {
                    requireUnreferenced(r);
                }
                int last = all.get(all.size() - 1).version();
                topic.write(SchemaLogCodec.deleteSubjectKey(subject), SchemaLogCodec.deleteSubjectValue(subject, last),
                        writeTimeout);
                log.info("event=subject_deleted subject={} permanent=false versions={}", subject, active.size());
                return active.stream().map(SchemaRecord::version).toList();
            }
            if (!active.isEmpty()) {
                throw RegistryError.subjectNotSoftDeleted(subject);
            }
            List<SchemasTopic.Write> writes = new ArrayList<>();
            writes.add(idWatermark());
            for (SchemaRecord r : all) {
                writes.add(new SchemasTopic.Write(SchemaLogCodec.schemaKey(subject, r.version()), null));
            }
            writes.add(new SchemasTopic.Write(SchemaLogCodec.deleteSubjectKey(subject), null));
            if (state.subjectLevel(subject).isPresent()) {
                writes.add(new SchemasTopic.Write(SchemaLogCodec.configKey(subject), null));
            }
            topic.writeAll(writes, writeTimeout);
            log.info("event=subject_deleted subject={} permanent=true versions={}", subject, all.size());
            return all.stream().map(SchemaRecord::version).toList();
        } finally {
            writer.unlock();
        }
    }

    /**
     * Soft-deletes one version or, with {@code permanent}, removes an already soft-deleted version.
     * {@code latest} means the latest active version (soft) or the latest version at all (permanent).
     *
     * @return the version deleted
     */
    int deleteVersion(String subject, VersionId versionId, boolean permanent) {
        writer.lock();
        try {
            topic.catchUp(writeTimeout);
            SchemaRecord record = version(subject, versionId, !versionId.latest() || permanent);
            if (!permanent) {
                if (record.deleted()) {
                    throw RegistryError.versionSoftDeleted(subject, record.version());
                }
                requireUnreferenced(record);
                topic.write(SchemaLogCodec.schemaKey(subject, record.version()),
                        SchemaLogCodec.schemaValue(record.asDeleted()), writeTimeout);
            } else {
                if (!record.deleted()) {
                    throw RegistryError.versionNotSoftDeleted(subject, record.version());
                }
                requireUnreferenced(record);
                topic.writeAll(List.of(idWatermark(),
                        new SchemasTopic.Write(SchemaLogCodec.schemaKey(subject, record.version()), null)), writeTimeout);
            }
            log.info("event=version_deleted subject={} version={} permanent={}", subject, record.version(), permanent);
            return record.version();
        } finally {
            writer.unlock();
        }
    }

    /**
     * Before a permanent delete removes records from the log, remembers the highest id so that
     * compaction cannot make an id reusable.
     */
    private SchemasTopic.Write idWatermark() {
        return new SchemasTopic.Write(SchemaLogCodec.noopKey(), SchemaLogCodec.idWatermarkValue(state.maxId()));
    }

    private void requireUnreferenced(SchemaRecord record) {
        List<Integer> referrers = state.referencedBy(record.subject(), record.version());
        if (!referrers.isEmpty()) {
            throw RegistryError.referenceExists("One or more references exist to the schema {subject=" + record.subject()
                    + ", version=" + record.version() + "}: schema ids " + referrers);
        }
    }

    /**
     * Checks a schema against one version ({@code version} given) or against the versions the
     * subject's level requires ({@code version} null).
     *
     * @return problems in Confluent's format; empty when compatible
     */
    List<String> checkCompatibility(String subject, VersionId version, SchemaRequest request) {
        ParsedSchema parsed = parse(request);
        CompatibilityLevel level = effectiveLevel(subject);
        List<CompatibilityChecker.Previous> previous;
        if (version == null) {
            previous = previousNewestFirst(subject);
        } else if (version.latest()) {
            previous = previousNewestFirst(subject).stream().limit(1).toList();
        } else {
            previous = List.of(previous(version(subject, version, false)));
        }
        return CompatibilityChecker.check(parsed.avro(), previous, level);
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    /**
     * @throws RegistryError 40408 when the subject has no level of its own and {@code defaultToGlobal} is false
     */
    CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> level = state.subjectLevel(subject);
        if (level.isPresent()) {
            return level.get();
        }
        if (defaultToGlobal) {
            return globalLevel();
        }
        throw RegistryError.subjectCompatibilityNotConfigured(subject);
    }

    /** Sets the global level ({@code subject} null) or a subject's. */
    void setLevel(String subject, CompatibilityLevel level) {
        writer.lock();
        try {
            topic.write(SchemaLogCodec.configKey(subject), SchemaLogCodec.configValue(level), writeTimeout);
            log.info("event=compatibility_set subject={} level={}", subject == null ? "<global>" : subject, level);
        } finally {
            writer.unlock();
        }
    }

    /** Removes a subject's own level; returns the level it had. @throws RegistryError 40408 when it had none */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        writer.lock();
        try {
            CompatibilityLevel previous = subjectLevel(subject, false);
            topic.write(SchemaLogCodec.configKey(subject), null, writeTimeout);
            log.info("event=compatibility_deleted subject={}", subject);
            return previous;
        } finally {
            writer.unlock();
        }
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    private ParsedSchema parse(SchemaRequest request) {
        return parser.parse(request.schemaType(), request.schema(), request.references(), this::resolveReference);
    }

    private SchemaRecord resolveReference(String subject, int version) {
        Optional<SchemaRecord> target = version == -1 ? state.latest(subject, false) : state.version(subject, version);
        return target.orElseThrow(() -> RegistryError.invalidSchema("Invalid schema: reference to subject '" + subject
                + "' version " + (version == -1 ? "latest" : version) + " not found"));
    }

    private Optional<SchemaRecord> newestWithContent(String subject, SchemaContent content, boolean includeDeleted) {
        List<SchemaRecord> versions = state.versions(subject, includeDeleted);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).content().equals(content)) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    private List<CompatibilityChecker.Previous> previousNewestFirst(String subject) {
        List<SchemaRecord> active = state.versions(subject, false);
        List<CompatibilityChecker.Previous> out = new ArrayList<>(active.size());
        for (int i = active.size() - 1; i >= 0; i--) {
            out.add(previous(active.get(i)));
        }
        return out;
    }

    private CompatibilityChecker.Previous previous(SchemaRecord record) {
        return new CompatibilityChecker.Previous(record.version(), parser.parseStored(record.content(), this::resolveReference),
                record.content().schema());
    }
}
