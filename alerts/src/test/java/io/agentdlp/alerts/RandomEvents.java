package io.agentdlp.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

/**
 * Random agent events for the equivalence tests of the events topic's readers: every field, nulls,
 * unicode, lone surrogates, large content, biased to what the trail's mapper branches on.
 */
public final class RandomEvents {
    private RandomEvents() {
    }

    /** Every field at random; optional ones null a third of the time. */
    public static AgentEgressEvent event(Random rnd) {
        List<Finding> findings = new ArrayList<>();
        for (int i = count(rnd); i > 0; i--) {
            findings.add(new Finding(text(rnd, 10), text(rnd, 30), pick(rnd, Severity.values()), rnd.nextDouble(), text(rnd, 40),
                    text(rnd, 64), optional(rnd, 20), optionalInt(rnd), optionalInt(rnd), rnd.nextBoolean() ? null : rnd.nextLong(),
                    optionalInt(rnd)));
        }
        Map<String, String> attributes = rnd.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
        if (rnd.nextBoolean()) {
            attributes.put("hook_event_name", pick(rnd, new String[]{"SessionStart", "SessionEnd", "Stop", "PreToolUse", text(rnd, 10)}));
        }
        if (rnd.nextBoolean()) {
            attributes.put("http.method", pick(rnd, new String[]{"get", "POST", "Patch", "trace", "BREW", text(rnd, 6)}));
        }
        for (int i = count(rnd); i > 0; i--) {
            attributes.put(text(rnd, 12), text(rnd, 30));
        }
        ContentFingerprints fingerprints = rnd.nextBoolean() ? null
                : new ContentFingerprints(rnd.nextInt(), rnd.nextInt(), List.of(rnd.nextLong(), rnd.nextLong()), List.of(1, 2));
        return new AgentEgressEvent(text(rnd, 64), Instant.ofEpochMilli(rnd.nextLong() >> 20), Instant.ofEpochMilli(rnd.nextLong() >> 20),
                pick(rnd, EventSource.values()), new Device(text(rnd, 20), optional(rnd, 20),
                        rnd.nextBoolean() ? pick(rnd, new String[]{"linux", "MacOS", "windows"}) : optional(rnd, 8)),
                new User(optional(rnd, 20), optional(rnd, 30)), new Agent(text(rnd, 12), optional(rnd, 8), optional(rnd, 20)),
                optional(rnd, 36), optional(rnd, 36), optional(rnd, 36), pick(rnd, EventKind.values()),
                rnd.nextInt(4) == 0 ? null : new Tool(text(rnd, 20), pick(rnd, ToolCategory.values()), optional(rnd, 2000), optional(rnd, 20)),
                rnd.nextInt(4) == 0 ? null : new Destination(optional(rnd, 30), optionalInt(rnd), url(rnd)),
                rnd.nextBoolean() ? pick(rnd, new String[]{"/home/dev/app/.env", "C:\\src\\App.java", "plain"}) : optional(rnd, 60),
                rnd.nextInt(4) == 0 ? null : new Content(rnd.nextInt(20) == 0 ? text(rnd, 100_000) : optional(rnd, 3000), rnd.nextLong(),
                        optional(rnd, 64), rnd.nextBoolean(), rnd.nextBoolean(), optional(rnd, 30)),
                findings, fingerprints, rnd.nextBoolean(), optional(rnd, 60),
                rnd.nextBoolean() ? null : new Repo(optional(rnd, 60), optional(rnd, 20)), rnd.nextBoolean(), optional(rnd, 40),
                attributes);
    }

    private static String url(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> null;
            case 1 -> "https://api.example.com/v1/messages";
            case 2 -> "http://docs.example.com:8080/guide/" + rnd.nextInt(1000);
            case 3 -> "https://registry.npmjs.org";
            default -> "ws://" + text(rnd, 20);
        };
    }

    private static int count(Random rnd) {
        return rnd.nextInt(10) == 0 ? rnd.nextInt(30) : rnd.nextInt(4);
    }

    private static <E> E pick(Random rnd, E[] values) {
        return values[rnd.nextInt(values.length)];
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
