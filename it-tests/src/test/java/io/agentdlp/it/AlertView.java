package io.agentdlp.it;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.agentdlp.avro.DlpAlert;

/**
 * The latest version of every alert in a list of {@code dlp-alerts} values (updates of one alert
 * reuse its id), the way the console folds the topic.
 */
final class AlertView {
    private final Map<String, DlpAlert> latest = new LinkedHashMap<>();

    AlertView(List<DlpAlert> records) {
        for (DlpAlert a : records) {
            latest.put(a.getAlertId(), a);
        }
    }

    Collection<DlpAlert> all() {
        return latest.values();
    }

    List<DlpAlert> matching(Predicate<DlpAlert> p) {
        return latest.values().stream().filter(p).toList();
    }

    List<DlpAlert> inSessions(Set<String> sessions) {
        return matching(a -> sessions.contains(a.getSessionId()));
    }

    /** Every triggering event id of the given alerts (the same id in two alerts counts twice). */
    static List<String> eventIds(Collection<DlpAlert> alerts) {
        return alerts.stream().flatMap(a -> a.getEventIds().stream()).toList();
    }

    static Set<String> distinctEventIds(Collection<DlpAlert> alerts) {
        return new TreeSet<>(eventIds(alerts));
    }
}
