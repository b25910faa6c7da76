package io.agentdlp.alerts.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agentdlp.alerts.Golden;
import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.avro.DlpAlert;
import org.junit.jupiter.api.Test;

/** Every sink format for a fully populated and a minimal alert, against reviewed golden files. */
class SinkFormatsGoldenTest {
    private static final ProductInfo PRODUCT = new ProductInfo("agentdlp", "agentdlp", "0.1.0");
    private static final AlertLinks LINKS = new AlertLinks("https://dlp.example.com/",
            "https://git.example.com/acme/{repo}/blob/HEAD/{path}#L{start}-L{end}");
    private final OcsfFormat ocsf = new OcsfFormat(PRODUCT, LINKS);
    private final EcsFormat ecs = new EcsFormat(PRODUCT, LINKS);

    @Test
    void nativeJson() {
        Golden.assertJson("native-full.json", AlertJson.toJson(TestAlerts.full()));
        Golden.assertJson("native-minimal.json", AlertJson.toJson(TestAlerts.minimal()));
    }

    @Test
    void ocsfDataSecurityFinding() {
        Golden.assertJson("ocsf-full.json", ocsf.finding(TestAlerts.full()));
        Golden.assertJson("ocsf-minimal.json", ocsf.finding(TestAlerts.minimal()));
    }

    @Test
    void ecsDocument() {
        Golden.assertJson("ecs-full.json", ecs.document(TestAlerts.full()));
        Golden.assertJson("ecs-minimal.json", ecs.document(TestAlerts.minimal()));
    }

    @Test
    void elasticBulkBody() {
        ElasticBulkFormat bulk = new ElasticBulkFormat(ecs, "agentdlp-alerts", ElasticBulkFormat.Op.INDEX);
        String body = bulk.body(List.of(TestAlerts.full(), TestAlerts.minimal()));
        Golden.assertText("elastic-bulk.ndjson", body);
        assertThat(body).endsWith("\n");
        assertThat(body.split("\n")).hasSize(4);
    }

    @Test
    void splunkHecEnvelope() {
        SplunkHecFormat hec = new SplunkHecFormat(ocsf, "agentdlp", "agentdlp:ocsf:data_security_finding", "security");
        Golden.assertJson("splunk-hec-full.json", hec.envelope(TestAlerts.full()));
        Golden.assertJson("splunk-hec-minimal.json",
                new SplunkHecFormat(ocsf, "agentdlp", "agentdlp:ocsf:data_security_finding", null)
                        .envelope(TestAlerts.minimal()));
    }

    @Test
    void webhookPayload() {
        WebhookFormat w = new WebhookFormat(LINKS);
        Golden.assertJson("webhook-full.json", w.payload(TestAlerts.full()));
        Golden.assertJson("webhook-minimal.json", new WebhookFormat(AlertLinks.none()).payload(TestAlerts.minimal()));
    }

    @Test
    void slackMessage() {
        SlackFormat s = new SlackFormat(LINKS);
        Golden.assertJson("slack-full.json", s.message(TestAlerts.full()));
        Golden.assertJson("slack-minimal.json", new SlackFormat(AlertLinks.none()).message(TestAlerts.minimal()));
    }

    @Test
    void cefAndSyslog() {
        CefFormat cef = new CefFormat(PRODUCT, LINKS);
        SyslogFormat syslog = new SyslogFormat(cef, 10, "dlp-console-1", "agentdlp");
        Golden.assertText("syslog-cef.txt", syslog.message(TestAlerts.full()) + "\n"
                + syslog.message(TestAlerts.minimal()) + "\n");
    }

    @Test
    void noFormatCarriesTheRawSecret() {
        DlpAlert a = TestAlerts.full();
        CefFormat cef = new CefFormat(PRODUCT, LINKS);
        String hash = TestAlerts.HASHER.hash(TestAlerts.RAW_SECRET);
        List<String> outputs = List.of(
                ocsf.finding(a).toString(), ecs.document(a).toString(), AlertJson.toJson(a).toString(),
                new WebhookFormat(LINKS).payload(a).toString(), new SyslogFormat(cef, 10, "h", "agentdlp").message(a));
        for (String out : outputs) {
            assertThat(out).doesNotContain(TestAlerts.RAW_SECRET).contains(hash);
        }
        // Slack shows a shortened hash: enough to correlate by eye, the full one is in the console.
        assertThat(new SlackFormat(LINKS).message(a).toString()).doesNotContain(TestAlerts.RAW_SECRET)
                .contains(hash.substring(0, 12));
    }

    @Test
    void ocsfClassificationFollowsTheSpecification() {
        JsonNode f = ocsf.finding(TestAlerts.full());
        assertThat(f.path("class_uid").asInt()).isEqualTo(2006);
        assertThat(f.path("category_uid").asInt()).isEqualTo(2);
        assertThat(f.path("type_uid").asLong()).isEqualTo(2006 * 100L + f.path("activity_id").asInt());
        assertThat(f.path("activity_id").asInt()).as("third occurrence is an update").isEqualTo(2);
        assertThat(f.path("severity_id").asInt()).isEqualTo(4);
        assertThat(f.path("metadata").path("version").asText()).isEqualTo("1.4.0");
        assertThat(f.path("finding_info").path("uid").asText()).isEqualTo("a1b2c3d4e5f6");
        assertThat(f.path("data_security").path("category_id").asInt()).as("secrets are Security data").isEqualTo(6);
        JsonNode min = ocsf.finding(TestAlerts.minimal());
        assertThat(min.path("activity_id").asInt()).as("first occurrence is a create").isEqualTo(1);
        assertThat(min.has("actor")).isFalse();
        assertThat(min.path("data_security").path("category").asText()).isEqualTo("volume");
    }

    @Test
    void cefEscapesHeaderAndExtensionSpecials() {
        assertThat(CefFormat.header("a|b\\c\nd")).isEqualTo("a\\|b\\\\c d");
        assertThat(CefFormat.value("k=v\\x\r\ny")).isEqualTo("k\\=v\\\\x\\r\\ny");
        String line = new CefFormat(PRODUCT, LINKS).line(TestAlerts.full());
        assertThat(line).startsWith("CEF:0|agentdlp|agentdlp|0.1.0|secret:aws-access-key-id|"
                + "AWS access key sent to api.example-llm.com \\| by claude-code|8|");
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void syslogPriorityCombinesFacilityAndSeverity() {
        SyslogFormat s = new SyslogFormat(new CefFormat(PRODUCT, LINKS), 16, "host name", "agentdlp");
        assertThat(s.message(TestAlerts.full())).startsWith("<131>1 2025-03-04T10:20:00.456Z hostname agentdlp - DLPALERT - CEF:0|");
        assertThat(s.message(TestAlerts.minimal())).startsWith("<133>1 ");
    }

    @Test
    void slackEscapesMentionsAndLinks() {
        DlpAlert a = TestAlerts.minimal();
        a.setExplanation("ping <!channel> and <https://evil.example|click> & co");
        JsonNode m = new SlackFormat(AlertLinks.none()).message(a);
        String section = m.path("blocks").get(1).path("text").path("text").asText();
        assertThat(section).isEqualTo("ping &lt;!channel&gt; and &lt;https://evil.example|click&gt; &amp; co");
        ArrayNode fields = (ArrayNode) m.path("blocks").get(2).path("fields");
        assertThat(fields.size()).isBetween(1, 10);
    }
}
