package io.agentdlp.alerts.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed logins for a user name (from any
 * address), or {@value #FREE_ADDRESS_FAILURES} from one address (for any names; higher because many
 * analysts may share a NAT address), further attempts are refused for a delay that doubles with each
 * failure, up to 15 minutes. A success clears the user's counter.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant lockedUntil) {
    }

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Time left before a login for this user/address may be tried, or zero. */
    public Duration wait(String user, String address) {
        Instant now = clock.instant();
        Duration d = Duration.ZERO;
        for (String k : new String[] {"u:" + user, "a:" + address}) {
            Failures f = failures.get(k);
            if (f != null && f.lockedUntil.isAfter(now)) {
                Duration left = Duration.between(now, f.lockedUntil);
                d = left.compareTo(d) > 0 ? left : d;
            }
        }
        return d;
    }

    public void failed(String user, String address) {
        if (failures.size() > MAX_TRACKED) {
            Instant now = clock.instant();
            failures.entrySet().removeIf(e -> e.getValue().lockedUntil.isBefore(now));
        }
        for (String k : new String[] {"u:" + user, "a:" + address}) {
            int free = k.startsWith("u:") ? FREE_FAILURES : FREE_ADDRESS_FAILURES;
            failures.compute(k, (key, f) -> {
                int n = f == null ? 1 : f.count + 1;
                Instant until = clock.instant();
                if (n >= free) {
                    long factor = 1L << Math.min(20, n - free);
                    Duration d = BASE.multipliedBy(factor);
                    until = until.plus(d.compareTo(MAX) > 0 ? MAX : d);
                }
                return new Failures(n, until);
            });
        }
    }

    public void succeeded(String user) {
        failures.remove("u:" + user);
    }
}
