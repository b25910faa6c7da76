package io.agentdlp.alerts.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.Golden;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.audit.AuditChain;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.events.EventMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OcsfActivityMapperTest {
    private static final ProductInfo PRODUCT = new ProductInfo("agentdlp", "agentdlp", "test");
    private static final OcsfActivityMapper DEFAULT = new OcsfActivityMapper(PRODUCT, TrailPolicy.defaults());

    private static AgentEgressEvent event(String name) {
        return switch (name) {
            case "file" -> TrailEvents.fileRead();
            case "shell" -> TrailEvents.shell();
            case "network" -> TrailEvents.network();
            case "http" -> TrailEvents.http();
            case "model" -> TrailEvents.modelRequest();
            case "mcp" -> TrailEvents.mcpCall();
            case "session" -> TrailEvents.sessionStart();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The exported shape of each class, chained as the first record of its session. */
    @ParameterizedTest
    @CsvSource({
            "file, 1001, 2, trail-1001-file-system-activity.json",
            "shell, 1007, 1, trail-1007-process-activity.json",
            "network, 4001, 1, trail-4001-network-activity.json",
            "http, 4002, 6, trail-4002-http-activity.json",
            "model, 6003, 1, trail-6003-api-activity-model-request.json",
            "mcp, 6003, 99, trail-6003-api-activity-mcp-call.json",
            "session, 6002, 3, trail-6002-application-lifecycle.json"})
    void eachActivityClassMatchesItsGoldenFile(String name, int classUid, int activityId, String golden) {
        ObjectNode r = DEFAULT.map(EventMetadata.of(event(name)), "dev-7:sess-1");
        AuditChain.link(r, "dev-7:sess-1", 1, AuditChain.GENESIS);
        assertThat(r.path("class_uid").asInt()).isEqualTo(classUid);
        assertThat(r.path("activity_id").asInt()).isEqualTo(activityId);
        assertThat(r.path("type_uid").asLong()).isEqualTo(classUid * 100L + activityId);
        assertThat(r.toString()).as("no content of the event is exported").doesNotContain(TrailEvents.RAW);
        Golden.assertJson(golden, r);
    }

    @Test
    void findingsKeepRuleSeverityAndKeyedHashAndRaiseTheRecordSeverity() {
        ObjectNode r = DEFAULT.map(EventMetadata.of(TrailEvents.fileRead()), "dev-7:sess-1");
        assertThat(r.path("severity_id").asInt()).isEqualTo(5);
        assertThat(r.path("unmapped").path("agentdlp.findings").get(0).path("keyed_hash").asText()).isEqualTo("ab".repeat(32));
        assertThat(r.path("unmapped").path("agentdlp.findings").get(0).path("redacted_preview").asText()).isEqualTo("ZUm1****");
        assertThat(DEFAULT.map(EventMetadata.of(TrailEvents.shell()), "k").path("severity_id").asInt()).isEqualTo(1);
    }

    @Test
    void thePolicyCanDropPathsUrlPathsAndPreviews() {
        OcsfActivityMapper strict = new OcsfActivityMapper(PRODUCT, new TrailPolicy(Set.of(), TrailPolicy.PathMode.NAME,
                TrailPolicy.UrlMode.HOST, false, Duration.ofDays(30)));
        ObjectNode file = strict.map(EventMetadata.of(TrailEvents.fileRead()), "k");
        assertThat(file.path("file").path("name").asText()).isEqualTo(".env");
        assertThat(file.toString()).doesNotContain("/home/dana").doesNotContain("ZUm1****");
        ObjectNode http = strict.map(EventMetadata.of(TrailEvents.http()), "k");
        assertThat(http.path("http_request").path("url").path("hostname").asText()).isEqualTo("pastebin.com");
        assertThat(http.toString()).doesNotContain("api_post.php");
        OcsfActivityMapper omit = new OcsfActivityMapper(PRODUCT, new TrailPolicy(Set.of(), TrailPolicy.PathMode.OMIT,
                TrailPolicy.UrlMode.FULL, true, Duration.ofDays(30)));
        assertThat(omit.map(EventMetadata.of(TrailEvents.fileRead()), "k").toString()).doesNotContain(".env");
    }
}
