package io.agentdlp.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;

/** Random {@link AgentEgressEvent}s with every field, nulls, unicode, lone surrogates and 200 KB texts. */
final class RandomEvents {
    private RandomEvents() {
    }

    /**
     * Hands {@code check} the damaged forms of a serialised record, each with a label: cut at every fortieth of its
     * length from {@code firstCut}, and 20 copies with one to three bytes overwritten after the five-byte wire-format
     * header (with {@code headerToo}, inside the header one time in twenty).
     */
    static void forEachDamaged(byte[] bytes, Random rnd, int firstCut, boolean headerToo, BiConsumer<byte[], String> check) {
        for (int cut = firstCut; cut < bytes.length; cut += 1 + bytes.length / 40) {
            check.accept(Arrays.copyOf(bytes, cut), "cut at " + cut);
        }
        for (int flips = 0; flips < 20; flips++) {
            byte[] corrupt = bytes.clone();
            for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
                int at = headerToo && rnd.nextInt(20) == 0 ? rnd.nextInt(5) : 5 + rnd.nextInt(corrupt.length - 5);
                corrupt[at] = rnd.nextInt(4) == 0 ? (byte) 0xFF : (byte) rnd.nextInt(256);
            }
            check.accept(corrupt, "flip " + flips);
        }
    }

    /** The event schema as an older producer wrote it: no {@code raw_ref} and no {@code attributes} (both have defaults). */
    static Schema olderSchema() {
        Schema full = AgentEgressEvent.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : full.getFields()) {
            if (!f.name().equals("raw_ref") && !f.name().equals("attributes")) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /** {@code e} as a record of {@code older}, a schema with a subset of the event's fields. */
    static GenericRecord asRecordOf(Schema older, AgentEgressEvent e) {
        GenericRecord rec = new GenericData.Record(older);
        for (Schema.Field f : older.getFields()) {
            rec.put(f.name(), e.get(AgentEgressEvent.getClassSchema().getField(f.name()).pos()));
        }
        return rec;
    }

    /** Every field at random, optional ones null a third of the time. */
    static AgentEgressEvent event(Random rnd) {
        List<Finding> findings = new ArrayList<>();
        for (int i = count(rnd); i > 0; i--) {
            findings.add(new Finding(text(rnd, 10), text(rnd, 30), pick(rnd, Severity.values()), number(rnd), text(rnd, 40),
                    text(rnd, 64), optional(rnd, 20), optionalInt(rnd), optionalInt(rnd), rnd.nextBoolean() ? null : rnd.nextLong(),
                    optionalInt(rnd)));
        }
        Map<String, String> attributes = rnd.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
        for (int i = count(rnd); i > 0; i--) {
            attributes.put(text(rnd, 12), text(rnd, 30));
        }
        ContentFingerprints fingerprints = null;
        if (rnd.nextBoolean()) {
            List<Long> hashes = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (int i = count(rnd) * 20; i > 0; i--) {
                hashes.add(rnd.nextBoolean() ? rnd.nextLong() : (long) rnd.nextInt(300) - 150);
                lines.add(rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(300));
            }
            fingerprints = new ContentFingerprints(rnd.nextInt(), rnd.nextInt(), hashes, lines);
        }
        return new AgentEgressEvent(text(rnd, 64), Instant.ofEpochMilli(rnd.nextLong() >> 20), Instant.ofEpochMilli(rnd.nextLong() >> 20),
                pick(rnd, EventSource.values()), new Device(text(rnd, 20), optional(rnd, 20), optional(rnd, 8)),
                new User(optional(rnd, 20), optional(rnd, 30)), new Agent(text(rnd, 12), optional(rnd, 8), optional(rnd, 20)),
                optional(rnd, 36), optional(rnd, 36), optional(rnd, 36), pick(rnd, EventKind.values()),
                rnd.nextBoolean() ? null : new Tool(text(rnd, 20), pick(rnd, ToolCategory.values()), optional(rnd, 2000), optional(rnd, 20)),
                rnd.nextBoolean() ? null : new Destination(optional(rnd, 30), optionalInt(rnd), optional(rnd, 80)),
                optional(rnd, 60),
                rnd.nextBoolean() ? null : new Content(rnd.nextInt(10) == 0 ? text(rnd, 200_000) : optional(rnd, 3000), rnd.nextLong(),
                        optional(rnd, 64), rnd.nextBoolean(), rnd.nextBoolean(), optional(rnd, 30)),
                findings, fingerprints, rnd.nextBoolean(), optional(rnd, 60),
                rnd.nextBoolean() ? null : new Repo(optional(rnd, 60), optional(rnd, 20)), rnd.nextBoolean(), optional(rnd, 40),
                attributes);
    }

    /** Mostly 0-3, sometimes past one Avro block's worth of small counts. */
    private static int count(Random rnd) {
        return rnd.nextInt(10) == 0 ? rnd.nextInt(100) : rnd.nextInt(4);
    }

    private static <E> E pick(Random rnd, E[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static double number(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> Double.NaN;
            case 1 -> -0.0;
            case 2 -> Double.POSITIVE_INFINITY;
            default -> rnd.nextDouble();
        };
    }

    private static String optional(Random rnd, int max) {
        return rnd.nextInt(3) == 0 ? null : text(rnd, max);
    }

    private static Integer optionalInt(Random rnd) {
        return rnd.nextBoolean() ? null : rnd.nextInt();
    }

    /** Empty strings, ASCII, accented and CJK letters, emoji and lone surrogates (which UTF-8 writes as '?'). */
    private static String text(Random rnd, int max) {
        int n = rnd.nextInt(max + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(10)) {
                case 0 -> b.append((char) (0xC0 + rnd.nextInt(0x100)));
                case 1 -> b.append((char) (0x4E00 + rnd.nextInt(0x5000)));
                case 2 -> b.appendCodePoint(0x1F600 + rnd.nextInt(0x40));
                case 3 -> b.append((char) (0xD800 + rnd.nextInt(0x800)));
                default -> b.append((char) (0x20 + rnd.nextInt(0x5F)));
            }
        }
        return b.toString();
    }
}
