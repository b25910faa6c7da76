package io.agentdlp.alerts.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which user viewed which alert recently, so an open detail page refreshed by live
 * updates is audited once per window instead of on every refresh. Bounded (least recent dropped).
 */
final class RecentViews {
    private final Duration window;
    private final LinkedHashMap<String, Instant> seen;

    RecentViews(Duration window, int max) {
        this.window = window;
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > max;
            }
        };
    }

    /** True when {@code key} was not seen within the window (and records it now). */
    synchronized boolean firstIn(String key, Instant now) {
        Instant last = seen.get(key);
        if (last != null && now.isBefore(last.plus(window))) {
            return false;
        }
        seen.put(key, now);
        return true;
    }
}
