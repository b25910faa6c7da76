package io.agentdlp.registry.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's in-memory view, rebuilt from the schemas topic by applying its records in offset
 * order. Every instance applies the same deterministic rules, so every instance reaching the same
 * offset holds the same view:
 * <ul>
 *   <li>a {@code SCHEMA} record whose id is already bound to different content is rejected (as
 *       Confluent's reader does), so a global id always means one schema;</li>
 *   <li>a {@code SCHEMA} record for an existing subject version with a different id or content is
 *       rejected, and so is un-deleting a soft-deleted version: two instances racing for one version
 *       cannot overwrite each other; only the first record in the log wins;</li>
 *   <li>the highest id ever seen (including rejected records and id watermarks) only grows, so new
 *       ids are never reused.</li>
 * </ul>
 * Thread-safe: the topic reader applies, HTTP threads query.
 */
final class RegistryState {
    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, TreeMap<Integer, SchemaRecord>> subjects = new HashMap<>();
    private final Map<Integer, SchemaContent> contentById = new HashMap<>();
    private final Map<Integer, Set<SubjectVersion>> keysById = new HashMap<>();
    private final Map<SchemaContent, TreeSet<Integer>> idsByContent = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    private record SubjectVersion(String subject, int version) {
    }

    /** Applies one record of the topic; false when the rules above reject it. */
    boolean apply(LogEntry entry) {
        lock.writeLock().lock();
        try {
            if (entry instanceof LogEntry.Schema s) {
                return applySchema(s);
            } else if (entry instanceof LogEntry.Config c) {
                return applyConfig(c);
            } else if (entry instanceof LogEntry.DeleteSubject d) {
                return applyDeleteSubject(d);
            } else {
                return applyNoop((LogEntry.Noop) entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean applySchema(LogEntry.Schema entry) {
        TreeMap<Integer, SchemaRecord> versions = subjects.get(entry.subject());
        SchemaRecord existing = versions == null ? null : versions.get(entry.version());
        SchemaRecord incoming = entry.record();
        if (incoming == null) {
            if (existing != null) {
                remove(existing);
            }
            return true;
        }
        maxId = Math.max(maxId, incoming.id());
        SchemaContent bound = contentById.get(incoming.id());
        if (bound != null && !bound.equals(incoming.content())) {
            log.warn("event=schema_record_rejected reason=id_bound_to_other_schema id={} subject={} version={}",
                    incoming.id(), entry.subject(), entry.version());
            return false;
        }
        if (existing != null && (!existing.sameRegistration(incoming) || existing.deleted() && !incoming.deleted())) {
            log.warn("event=schema_record_rejected reason=version_taken subject={} version={} id={}",
                    entry.subject(), entry.version(), incoming.id());
            return false;
        }
        subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>()).put(entry.version(), incoming);
        contentById.put(incoming.id(), incoming.content());
        keysById.computeIfAbsent(incoming.id(), i -> new HashSet<>()).add(new SubjectVersion(entry.subject(), entry.version()));
        idsByContent.computeIfAbsent(incoming.content(), c -> new TreeSet<>()).add(incoming.id());
        return true;
    }

    private void remove(SchemaRecord existing) {
        TreeMap<Integer, SchemaRecord> versions = subjects.get(existing.subject());
        versions.remove(existing.version());
        if (versions.isEmpty()) {
            subjects.remove(existing.subject());
        }
        Set<SubjectVersion> keys = keysById.get(existing.id());
        keys.remove(new SubjectVersion(existing.subject(), existing.version()));
        if (keys.isEmpty()) {
            keysById.remove(existing.id());
            contentById.remove(existing.id());
            TreeSet<Integer> ids = idsByContent.get(existing.content());
            ids.remove(existing.id());
            if (ids.isEmpty()) {
                idsByContent.remove(existing.content());
            }
        }
    }

    private boolean applyConfig(LogEntry.Config entry) {
        if (entry.subject() == null) {
            globalLevel = entry.level();
        } else if (entry.level() == null) {
            subjectLevels.remove(entry.subject());
        } else {
            subjectLevels.put(entry.subject(), entry.level());
        }
        return true;
    }

    private boolean applyDeleteSubject(LogEntry.DeleteSubject entry) {
        TreeMap<Integer, SchemaRecord> versions = subjects.get(entry.subject());
        if (entry.version() == null || versions == null) {
            return true;
        }
        for (Map.Entry<Integer, SchemaRecord> e : versions.headMap(entry.version(), true).entrySet()) {
            e.setValue(e.getValue().asDeleted());
        }
        return true;
    }

    private boolean applyNoop(LogEntry.Noop entry) {
        if (entry.maxSchemaId() != null) {
            maxId = Math.max(maxId, entry.maxSchemaId());
        }
        return true;
    }

    /** Subjects in name order; without {@code includeDeleted} only those with an active version. */
    List<String> subjects(boolean includeDeleted) {
        return read(() -> subjects.entrySet().stream()
                .filter(e -> includeDeleted || e.getValue().values().stream().anyMatch(r -> !r.deleted()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList());
    }

    /** The subject's versions in ascending order. */
    List<SchemaRecord> versions(String subject, boolean includeDeleted) {
        return read(() -> {
            TreeMap<Integer, SchemaRecord> versions = subjects.get(subject);
            if (versions == null) {
                return List.of();
            }
            return versions.values().stream().filter(r -> includeDeleted || !r.deleted()).toList();
        });
    }

    /** One subject version, deleted or not. */
    Optional<SchemaRecord> version(String subject, int version) {
        return read(() -> {
            TreeMap<Integer, SchemaRecord> versions = subjects.get(subject);
            return Optional.ofNullable(versions == null ? null : versions.get(version));
        });
    }

    Optional<SchemaRecord> latest(String subject, boolean includeDeleted) {
        List<SchemaRecord> versions = versions(subject, includeDeleted);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Highest version ever used by the subject and still in the log (0 when none). */
    int maxVersion(String subject) {
        return read(() -> {
            NavigableMap<Integer, SchemaRecord> versions = subjects.get(subject);
            return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
        });
    }

    Optional<SchemaContent> contentById(int id) {
        return read(() -> Optional.ofNullable(contentById.get(id)));
    }

    /** Subject versions registered with this id, by subject then version. */
    List<SchemaRecord> recordsWithId(int id, boolean includeDeleted) {
        return read(() -> {
            List<SchemaRecord> out = new ArrayList<>();
            for (SubjectVersion key : keysById.getOrDefault(id, Set.of())) {
                SchemaRecord r = subjects.get(key.subject()).get(key.version());
                if (includeDeleted || !r.deleted()) {
                    out.add(r);
                }
            }
            out.sort(Comparator.comparing(SchemaRecord::subject).thenComparingInt(SchemaRecord::version));
            return out;
        });
    }

    /** The lowest id already standing for this content, if any. */
    OptionalInt idFor(SchemaContent content) {
        return read(() -> {
            TreeSet<Integer> ids = idsByContent.get(content);
            return ids == null || ids.isEmpty() ? OptionalInt.empty() : OptionalInt.of(ids.first());
        });
    }

    /** Highest schema id ever seen; the next new id is one more. */
    int maxId() {
        return read(() -> maxId);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
    }

    Optional<CompatibilityLevel> globalLevel() {
        return read(() -> Optional.ofNullable(globalLevel));
    }

    /** Ids of active schemas that reference the given subject version. */
    List<Integer> referencedBy(String subject, int version) {
        return read(() -> {
            TreeSet<Integer> ids = new TreeSet<>();
            for (TreeMap<Integer, SchemaRecord> versions : subjects.values()) {
                for (SchemaRecord r : versions.values()) {
                    if (!r.deleted() && r.content().references().stream()
                            .anyMatch(ref -> ref.subject().equals(subject) && ref.version() == version)) {
                        ids.add(r.id());
                    }
                }
            }
            return List.copyOf(ids);
        });
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
