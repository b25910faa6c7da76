package io.agentdlp.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.agentdlp.avro.Policy;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.serde.AvroClassTrust;
import org.junit.jupiter.api.Test;

class PolicyRecordsTest {
    static {
        AvroClassTrust.trustGenerated();
    }

    @Test
    void policyDocumentSurvivesTheAvroRoundTrip() throws IOException {
        PolicyDocument doc = PolicyFile.parse("""
                id: payments
                version: 4
                default: warn
                allowed_destinations: [api.anthropic.com]
                sensitive_paths: ["**/.env"]
                thresholds: {volume.zscore: 3.5}
                rules:
                  - {id: r1, effect: deny, severity: critical, reason: nope, users: ["*@acme.com"], groups: [pay],
                     devices: [d1], agents: ["codex@<0.40"], tools: ["category:mcp"], mcp_servers: [github],
                     destinations: ["*"], models: ["claude-sonnet-*", gpt-4.1], repos: ["github.com/acme/pay*"], paths: ["**/secrets/**"],
                     min_content_bytes: 1000, requires_sensitive_content: true}
                """, "test");
        Policy avro = PolicyRecords.toAvro(doc, Instant.ofEpochMilli(1_700_000_000_000L));
        // through the wire encoding, not only the object
        Policy decoded = Policy.fromByteBuffer(avro.toByteBuffer());
        assertThat(PolicyRecords.fromAvro(decoded)).isEqualTo(doc);
        assertThat(decoded.getRules().get(0).getModels()).containsExactly("claude-sonnet-*", "gpt-4.1");
        // and back to the file format the gateway serves and sensors cache
        assertThat(PolicyFile.parse(PolicyFile.render(PolicyRecords.fromAvro(decoded)), "rendered")).isEqualTo(doc);
        assertThat(decoded.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void shippedDefaultPolicyConverts() throws IOException {
        try (InputStream in = PolicyFile.class.getResourceAsStream("default-policy.yaml")) {
            PolicyDocument doc = PolicyFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default");
            assertThat(PolicyRecords.fromAvro(PolicyRecords.toAvro(doc, Instant.now()))).isEqualTo(doc);
        }
    }
}
