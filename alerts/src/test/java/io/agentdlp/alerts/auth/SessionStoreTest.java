package io.agentdlp.alerts.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final Principal ana = new Principal("ana", Role.TRIAGER, "password");

    @Test
    void sessionsExpireWhenIdleAndAtTheirMaximumAge() {
        SessionStore s = new SessionStore(Duration.ofMinutes(30), Duration.ofHours(2), 100, clock);
        SessionStore.Created c = s.create(ana);
        assertThat(c.cookieValue()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(c.session().csrfToken()).isNotEqualTo(c.cookieValue());
        clock.advance(Duration.ofMinutes(29));
        assertThat(s.find(c.cookieValue())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(s.find(c.cookieValue())).as("activity refreshed the idle timer").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(s.find(c.cookieValue())).as("idle too long").isEmpty();

        SessionStore.Created d = s.create(ana);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(s.find(d.cookieValue())).isPresent();
        }
        clock.advance(Duration.ofMinutes(25));
        assertThat(s.find(d.cookieValue())).as("past the absolute lifetime").isEmpty();
    }

    @Test
    void unknownOrRemovedCookiesFindNothingAndTheStoreIsBounded() {
        SessionStore s = new SessionStore(Duration.ofMinutes(30), Duration.ofHours(2), 3, clock);
        SessionStore.Created first = s.create(ana);
        assertThat(s.find("forged")).isEmpty();
        assertThat(s.find(null)).isEmpty();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            s.create(ana);
        }
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.find(first.cookieValue())).as("least recently used is evicted").isEmpty();
        SessionStore.Created last = s.create(ana);
        s.remove(last.cookieValue());
        assertThat(s.find(last.cookieValue())).isEmpty();
    }

    @Test
    void throttleLocksAUserAfterFiveFailuresAndBacksOff() {
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            t.failed("ana", "10.0.0.1");
            assertThat(t.wait("ana", "10.0.0.1")).isZero();
        }
        t.failed("ana", "10.0.0.1");
        Duration first = t.wait("ana", "10.0.0.2");
        assertThat(first).isPositive();
        assertThat(t.wait("bob", "10.0.0.1")).as("the address is below its own limit").isZero();
        clock.advance(first);
        t.failed("ana", "10.0.0.1");
        assertThat(t.wait("ana", "10.0.0.1")).isGreaterThan(first);
        t.succeeded("ana");
        assertThat(t.wait("ana", "10.0.0.3")).isZero();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
