package io.agentdlp.alerts.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.TriageStatus;

/**
 * Filters of the alert feed, shared by the list, the live stream and the overview so all three agree.
 * Every filter takes one or more values (repeated parameter or comma-separated) and matches exactly;
 * {@code user} matches the user id or e-mail, {@code destination} the destination host,
 * {@code status} the effective status. The time range keeps alerts active in it (last seen at or
 * after {@code from}, first seen before {@code to}). {@code q} is a full-text search over titles:
 * every whitespace-separated term must occur, case-insensitively.
 */
public record AlertQuery(Set<String> severities, Set<String> detectors, Set<String> rules, Set<String> users,
                         Set<String> devices, Set<String> agents, Set<String> repos, Set<String> destinations,
                         Set<TriageStatus> statuses, Instant from, Instant to, List<String> terms, int limit,
                         int offset) {
    /** Largest page. */
    public static final int MAX_LIMIT = 1000;

    /** No filter, first page of 200. */
    public static AlertQuery all() {
        return parse(Map.of());
    }

    /** Parses query parameters; invalid values raise {@link IllegalArgumentException} naming the parameter. */
    public static AlertQuery parse(Map<String, List<String>> p) {
        Set<TriageStatus> statuses = values(p, "status").stream().map(s -> {
            try {
                return TriageStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status must be OPEN, ACKNOWLEDGED, RESOLVED or SUPPRESSED");
            }
        }).collect(Collectors.toSet());
        Set<String> severities = values(p, "severity").stream().map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String q = first(p, "q");
        List<String> terms = q == null ? List.of()
                : Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).filter(t -> !t.isEmpty()).toList();
        int limit = integer(p, "limit", 200);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        int offset = integer(p, "offset", 0);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        return new AlertQuery(severities, values(p, "detector"), values(p, "rule"), values(p, "user"),
                values(p, "device"), values(p, "agent"), values(p, "repo"), values(p, "destination"), statuses,
                time(p, "from"), time(p, "to"), terms, limit, offset);
    }

    /**
     * The same filters without the status filter: the live feed sends status changes of matching
     * alerts even when the new status no longer matches, so the browser can drop the row.
     */
    public AlertQuery withoutStatus() {
        return new AlertQuery(severities, detectors, rules, users, devices, agents, repos, destinations, Set.of(),
                from, to, terms, limit, offset);
    }

    /** True when the view passes every filter at {@code now} (paging aside). */
    public boolean matches(AlertView v, Instant now) {
        DlpAlert a = v.alert();
        if (!severities.isEmpty() && !severities.contains(a.getSeverity().name())) {
            return false;
        }
        if (!in(detectors, a.getDetector()) || !in(rules, a.getRuleId()) || !in(devices, a.getDeviceId())
                || !in(agents, a.getAgentName()) || !in(repos, a.getRepoRemote())) {
            return false;
        }
        if (!users.isEmpty() && !users.contains(a.getUserId()) && !users.contains(a.getUserEmail())) {
            return false;
        }
        if (!destinations.isEmpty() && (a.getDestination() == null || !destinations.contains(a.getDestination().getHost()))) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(v.effectiveStatus(now))) {
            return false;
        }
        if (from != null && a.getLastSeen().isBefore(from)) {
            return false;
        }
        if (to != null && !a.getFirstSeen().isBefore(to)) {
            return false;
        }
        if (!terms.isEmpty()) {
            String title = a.getTitle().toLowerCase(Locale.ROOT);
            for (String t : terms) {
                if (!title.contains(t)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean in(Set<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    private static Set<String> values(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String first(Map<String, List<String>> p, String name) {
        List<String> v = p.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).trim();
    }

    private static int integer(Map<String, List<String>> p, String name, int def) {
        String v = first(p, name);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }

    /** ISO-8601 instant or epoch milliseconds. */
    private static Instant time(Map<String, List<String>> p, String name) {
        String v = first(p, name);
        if (v == null) {
            return null;
        }
        try {
            return v.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(v)) : Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 time or epoch milliseconds");
        }
    }
}
