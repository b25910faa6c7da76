package io.agentdlp.alerts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.alerts.triage.FreeTextRedaction;
import io.agentdlp.alerts.triage.TriageRequest;
import io.agentdlp.alerts.triage.TriageRules;
import io.agentdlp.alerts.triage.TriageState;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.TriageStatus;
import org.junit.jupiter.api.Test;

class AlertStoreTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final TriageRules rules = new TriageRules(Duration.ofDays(90), FreeTextRedaction.secrets());

    @Test
    void listsNewestFirstAndJoinsTriageThatArrivedBeforeItsAlert() {
        AlertStore store = new AlertStore(100);
        List<AlertView> changes = new ArrayList<>();
        store.addListener(changes::add);
        TriageState ack = rules.apply(TriageState.untouched("b"), TriageRequest.acknowledge(), "ana", T0);
        store.applyTriage(ack);
        assertThat(changes).as("no alert yet, nothing to show").isEmpty();
        store.applyAlert("a", TestAlerts.secret("a", Severity.HIGH, "first", T0, "s1"));
        store.applyAlert("b", TestAlerts.secret("b", Severity.LOW, "second", T0.plusSeconds(5), "s1"));
        assertThat(store.all()).extracting(AlertView::id).containsExactly("b", "a");
        AlertView b = store.get("b").orElseThrow();
        assertThat(b.effectiveStatus(T0.plusSeconds(10))).isEqualTo(TriageStatus.ACKNOWLEDGED);
        assertThat(changes).extracting(AlertView::id).containsExactly("a", "b");
        assertThat(changes.get(1).sequence()).isGreaterThan(changes.get(0).sequence());
        assertThat(store.session("s1")).extracting(AlertView::id).containsExactly("a", "b");
    }

    @Test
    void olderUpdatesAndOlderTriageVersionsDoNotOverwriteNewerOnes() {
        AlertStore store = new AlertStore(100);
        DlpAlert v3 = DlpAlert.newBuilder(TestAlerts.secret("a", Severity.HIGH, "t", T0, "s")).setOccurrenceCount(3)
                .setLastSeen(T0.plusSeconds(30)).build();
        DlpAlert v1 = TestAlerts.secret("a", Severity.HIGH, "t", T0, "s");
        store.applyAlert("a", v3);
        store.applyAlert("a", v1);
        assertThat(store.get("a").orElseThrow().alert().getOccurrenceCount()).isEqualTo(3);

        TriageState one = rules.apply(TriageState.untouched("a"), TriageRequest.acknowledge(), "ana", T0);
        TriageState two = rules.apply(one, TriageRequest.resolve(), "ana", T0.plusSeconds(40));
        store.applyTriage(two);
        store.applyTriage(one);
        assertThat(store.triage("a").status()).isEqualTo(TriageStatus.RESOLVED);
        store.applyAlert("a", null);
        assertThat(store.get("a")).as("a tombstone removes the alert").isEmpty();
    }

    @Test
    void expiredSuppressionsAndAlertsFiringAfterResolutionCountAsOpen() {
        AlertStore store = new AlertStore(100);
        store.applyAlert("a", TestAlerts.secret("a", Severity.HIGH, "t", T0, "s"));
        store.applyTriage(rules.apply(TriageState.untouched("a"),
                TriageRequest.suppress(T0.plus(Duration.ofHours(1)), "noise"), "ana", T0));
        assertThat(store.suppressed("a", T0.plusSeconds(60))).isTrue();
        assertThat(store.get("a").orElseThrow().effectiveStatus(T0.plusSeconds(60))).isEqualTo(TriageStatus.SUPPRESSED);
        assertThat(store.get("a").orElseThrow().effectiveStatus(T0.plus(Duration.ofHours(2)))).isEqualTo(TriageStatus.OPEN);
        assertThat(store.suppressed("a", T0.plus(Duration.ofHours(2)))).isFalse();

        store.applyTriage(rules.apply(store.triage("a"), TriageRequest.resolve(), "ana", T0.plus(Duration.ofHours(3))));
        assertThat(store.get("a").orElseThrow().effectiveStatus(T0.plus(Duration.ofHours(4)))).isEqualTo(TriageStatus.RESOLVED);
        store.applyAlert("a", DlpAlert.newBuilder(store.get("a").orElseThrow().alert()).setOccurrenceCount(2)
                .setLastSeen(T0.plus(Duration.ofHours(5))).build());
        AlertView again = store.get("a").orElseThrow();
        assertThat(again.reoccurred()).isTrue();
        assertThat(again.effectiveStatus(T0.plus(Duration.ofHours(5)))).isEqualTo(TriageStatus.OPEN);
    }

    @Test
    void theOldestAlertsAreDroppedPastTheLimit() {
        AlertStore store = new AlertStore(10);
        for (int i = 0; i < 11; i++) {
            store.applyAlert("a" + i, TestAlerts.volume("a" + i, T0.plusSeconds(i)));
        }
        assertThat(store.size()).isEqualTo(10);
        assertThat(store.get("a0")).isEmpty();
        assertThat(store.get("a10")).isPresent();
    }

    @Test
    void queriesFilterOnEveryDimensionAndSearchTitles() {
        AlertStore store = new AlertStore(100);
        store.applyAlert("s", TestAlerts.secret("s", Severity.HIGH, "AWS key sent to api.example-llm.com", T0, "s1"));
        store.applyAlert("v", TestAlerts.volume("v", T0.minus(Duration.ofDays(2))));
        Instant now = T0.plusSeconds(60);
        assertThat(ids(store, Map.of(), now)).containsExactly("s", "v");
        assertThat(ids(store, Map.of("severity", List.of("high,critical")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("detector", List.of("volume")), now)).containsExactly("v");
        assertThat(ids(store, Map.of("rule", List.of("aws-access-key-id")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("user", List.of("dana@example.com")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("user", List.of("u-2002")), now)).containsExactly("v");
        assertThat(ids(store, Map.of("device", List.of("dev-7")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("agent", List.of("codex")), now)).containsExactly("v");
        assertThat(ids(store, Map.of("repo", List.of("git@github.com:acme/payments.git")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("destination", List.of("api.example-llm.com")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("status", List.of("open")), now)).containsExactly("s", "v");
        assertThat(ids(store, Map.of("status", List.of("RESOLVED")), now)).isEmpty();
        assertThat(ids(store, Map.of("from", List.of(T0.minus(Duration.ofHours(1)).toString())), now)).containsExactly("s");
        assertThat(ids(store, Map.of("to", List.of(Long.toString(T0.minus(Duration.ofDays(1)).toEpochMilli()))), now))
                .containsExactly("v");
        assertThat(ids(store, Map.of("q", List.of("aws  EXAMPLE-llm")), now)).containsExactly("s");
        assertThat(ids(store, Map.of("q", List.of("aws volume")), now)).isEmpty();
        assertThat(ids(store, Map.of("limit", List.of("1")), now)).as("paging is applied by the API").hasSize(2);
    }

    @Test
    void invalidQueryParametersNameTheParameter() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertQuery.parse(Map.of("status", List.of("closed"))))
                .hasMessageContaining("status");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertQuery.parse(Map.of("from", List.of("yesterday"))))
                .hasMessageContaining("from");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertQuery.parse(Map.of("limit", List.of("5000"))))
                .hasMessageContaining("limit");
    }

    @Test
    void overviewBucketsBySeverityAndRanksTheTops() {
        AlertStore store = new AlertStore(100);
        for (int i = 0; i < 6; i++) {
            store.applyAlert("h" + i, TestAlerts.secret("h" + i, Severity.HIGH, "t", T0.plus(Duration.ofMinutes(i * 10)), "s"));
        }
        store.applyAlert("v", TestAlerts.volume("v", T0.plus(Duration.ofMinutes(5))));
        Overview o = Overview.of(store.all(), T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
        assertThat(o.total()).isEqualTo(7);
        assertThat(o.bucketWidth()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.series().get(Severity.HIGH)).hasSize(12);
        assertThat(o.series().get(Severity.HIGH)[0]).isEqualTo(1);
        assertThat(o.series().get(Severity.HIGH)[2]).isEqualTo(1);
        assertThat(o.series().get(Severity.LOW)[1]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(o.series().get(Severity.HIGH)).sum()).isEqualTo(6);
        assertThat(o.topUsers()).containsExactly(Map.entry("dana@example.com", 6L), Map.entry("u-2002", 1L));
        assertThat(o.topRules().keySet()).first().isEqualTo("secret/aws-access-key-id");
        assertThat(o.topDestinations()).containsOnlyKeys("api.example-llm.com");
        assertThat(o.byStatus()).containsEntry(TriageStatus.OPEN, 7L);
    }

    @Test
    void sessionEventIndexIsBoundedPerSessionAndInSessions() {
        SessionEventIndex idx = new SessionEventIndex(2, 3);
        for (int i = 0; i < 5; i++) {
            idx.add("s1", new SessionEvent("e" + i, T0.plusSeconds(i), "tool_call", "claude_hook", "Bash", null, null, 10, 0));
        }
        idx.add("s1", new SessionEvent("e4", T0.plusSeconds(4), "tool_call", "claude_hook", "Bash", null, null, 10, 0));
        assertThat(idx.events("s1")).extracting(SessionEvent::eventId).containsExactly("e2", "e3", "e4");
        idx.add("s2", new SessionEvent("x", T0, "prompt", "proxy", null, "api.example.com", null, 5, 1));
        idx.add("s3", new SessionEvent("y", T0, "prompt", "proxy", null, null, null, 5, 0));
        assertThat(idx.sessionCount()).isEqualTo(2);
        assertThat(idx.events("s1")).as("least recently updated session dropped").isEmpty();
    }

    private static List<String> ids(AlertStore store, Map<String, List<String>> params, Instant now) {
        AlertQuery q = AlertQuery.parse(params);
        return store.all().stream().filter(v -> q.matches(v, now)).map(AlertView::id).toList();
    }
}
