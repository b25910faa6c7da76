package io.agentdlp.topology.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.agentdlp.avro.AlertStatus;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/** Random alerts for the encoding tests: every field, nulls, empty strings, lone surrogates, NaN and signed zeros. */
final class RandomAlerts {
    private RandomAlerts() {
    }

    /** An alert with every field set at random, optional ones null a third of the time. */
    static DlpAlert alert(Random rnd) {
        List<String> ids = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            ids.add(text(rnd, 40));
        }
        List<Finding> evidence = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            evidence.add(finding(rnd));
        }
        Map<String, String> attributes = rnd.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            attributes.put(text(rnd, 12), text(rnd, 30));
        }
        return DlpAlert.newBuilder()
                .setAlertId(text(rnd, 64)).setDetector(text(rnd, 10)).setRuleId(text(rnd, 30))
                .setSeverity(Severity.values()[rnd.nextInt(Severity.values().length)])
                .setTitle(text(rnd, 60)).setExplanation(text(rnd, 200))
                .setFirstSeen(Instant.ofEpochMilli(rnd.nextLong() >> 20)).setLastSeen(Instant.ofEpochMilli(rnd.nextLong() >> 20))
                .setOccurrenceCount(rnd.nextBoolean() ? rnd.nextInt(100) : rnd.nextLong())
                .setEventIds(ids)
                .setSessionId(optional(rnd, 36)).setDeviceId(optional(rnd, 20)).setUserId(optional(rnd, 20))
                .setUserEmail(optional(rnd, 30)).setAgentName(optional(rnd, 12)).setAgentVersion(optional(rnd, 8))
                .setRepoRemote(optional(rnd, 50))
                .setDestination(rnd.nextBoolean() ? null : new Destination(optional(rnd, 30), optionalInt(rnd), optional(rnd, 80)))
                .setEvidence(evidence)
                .setCodeMatch(rnd.nextBoolean() ? null : new CodeMatch(text(rnd, 40), text(rnd, 60), rnd.nextInt(), rnd.nextInt(),
                        rnd.nextInt(), rnd.nextInt(), number(rnd), rnd.nextInt(), rnd.nextBoolean()))
                .setStatus(AlertStatus.values()[rnd.nextInt(AlertStatus.values().length)])
                .setContentTruncated(rnd.nextBoolean())
                .setAttributes(attributes)
                .build();
    }

    static Finding finding(Random rnd) {
        return new Finding(text(rnd, 10), text(rnd, 30), Severity.values()[rnd.nextInt(Severity.values().length)], number(rnd),
                text(rnd, 40), text(rnd, 64), optional(rnd, 20), optionalInt(rnd), optionalInt(rnd),
                rnd.nextBoolean() ? null : rnd.nextLong(), optionalInt(rnd));
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
    static String text(Random rnd, int max) {
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
