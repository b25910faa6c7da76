package io.agentdlp.alerts.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.agentdlp.alerts.triage.TriageState;
import io.agentdlp.avro.DlpAlert;

/**
 * The console's in-memory view: latest record per alert id from dlp-alerts and latest triage state
 * per alert id from dlp-alert-status, joined at read time (the two topics are read independently,
 * so a triage state may arrive before its alert on a rebuild). Bounded: past {@code maxAlerts} the
 * alerts with the oldest last-seen time are dropped. Thread-safe; listeners are called after each
 * change, on the writer's thread.
 */
public final class AlertStore {
    private final int maxAlerts;
    private final Map<String, DlpAlert> alerts = new HashMap<>();
    private final Map<String, TriageState> triage = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Consumer<AlertView>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    public AlertStore(int maxAlerts) {
        if (maxAlerts < 1) {
            throw new IllegalArgumentException("maxAlerts must be >= 1");
        }
        this.maxAlerts = maxAlerts;
    }

    /** Called with every changed view (new or updated alert, new triage state). */
    public void addListener(Consumer<AlertView> listener) {
        listeners.add(listener);
    }

    /** Applies a record from dlp-alerts; a null value (tombstone) removes the alert. */
    public void applyAlert(String alertId, DlpAlert alert) {
        AlertView changed;
        synchronized (this) {
            if (alert == null) {
                alerts.remove(alertId);
                sequences.remove(alertId);
                return;
            }
            DlpAlert current = alerts.get(alertId);
            if (current != null && current.getOccurrenceCount() > alert.getOccurrenceCount()
                    && !alert.getLastSeen().isAfter(current.getLastSeen())) {
                // An older update read after a newer one (e.g. replayed): keep the newer.
                return;
            }
            alerts.put(alertId, alert);
            sequences.put(alertId, ++sequence);
            if (alerts.size() > maxAlerts) {
                evictOldest();
            }
            changed = viewOf(alertId);
        }
        notifyListeners(changed);
    }

    /** Applies a triage state; an older version than the one held is ignored. */
    public void applyTriage(TriageState state) {
        AlertView changed;
        synchronized (this) {
            TriageState current = triage.get(state.alertId());
            if (current != null && current.version() > state.version()) {
                return;
            }
            triage.put(state.alertId(), state);
            if (!alerts.containsKey(state.alertId())) {
                return;
            }
            sequences.put(state.alertId(), ++sequence);
            changed = viewOf(state.alertId());
        }
        notifyListeners(changed);
    }

    public synchronized Optional<AlertView> get(String alertId) {
        return alerts.containsKey(alertId) ? Optional.of(viewOf(alertId)) : Optional.empty();
    }

    /** Triage state of an alert id (untouched if none). */
    public synchronized TriageState triage(String alertId) {
        return triage.getOrDefault(alertId, TriageState.untouched(alertId));
    }

    /** True while an analyst suppression of the alert is in force. */
    public synchronized boolean suppressed(String alertId, Instant now) {
        TriageState t = triage.get(alertId);
        return t != null && t.suppressedAt(now);
    }

    /** Every alert, newest last-seen first. */
    public List<AlertView> all() {
        List<AlertView> views;
        synchronized (this) {
            views = new ArrayList<>(alerts.size());
            for (String id : alerts.keySet()) {
                views.add(viewOf(id));
            }
        }
        views.sort(NEWEST_FIRST);
        return views;
    }

    /** Alerts of one agent session, oldest first. */
    public List<AlertView> session(String sessionId) {
        List<AlertView> views = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, DlpAlert> e : alerts.entrySet()) {
                if (sessionId.equals(e.getValue().getSessionId())) {
                    views.add(viewOf(e.getKey()));
                }
            }
        }
        views.sort(Comparator.comparing((AlertView v) -> v.alert().getFirstSeen()).thenComparing(AlertView::id));
        return views;
    }

    public synchronized int size() {
        return alerts.size();
    }

    /** Newest last-seen first, then id for a stable order. */
    public static final Comparator<AlertView> NEWEST_FIRST = Comparator
            .comparing((AlertView v) -> v.alert().getLastSeen()).reversed()
            .thenComparing(AlertView::id);

    private AlertView viewOf(String id) {
        return new AlertView(alerts.get(id), triage.getOrDefault(id, TriageState.untouched(id)),
                sequences.getOrDefault(id, 0L));
    }

    private void evictOldest() {
        // Drop a tenth at once so eviction does not run on every insert at the limit.
        int drop = Math.max(1, maxAlerts / 10);
        alerts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, DlpAlert> e) -> e.getValue().getLastSeen()))
                .limit(drop)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(id -> {
                    alerts.remove(id);
                    sequences.remove(id);
                });
    }

    private void notifyListeners(AlertView v) {
        for (Consumer<AlertView> l : listeners) {
            l.accept(v);
        }
    }
}
