package io.agentdlp.ingest.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.User;
import io.agentdlp.detection.Finding;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.EventIds;
import io.agentdlp.ingest.normalize.FingerprintEncoder;

/**
 * Turns what the proxy saw into normalized events: one {@code model_request} per new content block,
 * one {@code network_request} per CONNECT tunnel. Credentials never enter an event; in privacy mode
 * neither does text (sizes, hashes, winnowing fingerprints and redacted findings do).
 */
final class ProxyEventFactory {
    private final DeviceContext device;
    private final boolean privacyMode;
    private final FingerprintEncoder fingerprints;
    private final ContentFactory contents = ContentFactory.standard();
    private final Clock clock;

    /** @param fingerprints what privacy mode sends instead of text (unused when privacy mode is off) */
    ProxyEventFactory(DeviceContext device, boolean privacyMode, FingerprintEncoder fingerprints, Clock clock) {
        this.device = device;
        this.privacyMode = privacyMode;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    /** Facts about one proxied request shared by its block events. */
    record RequestFacts(Provider provider, String sessionId, String agentName, String agentVersion, String model,
                        String upstreamHost, String upstreamUrl, String requestId, InlineVerdict verdict) {
        RequestFacts withRequestId(String id) {
            return new RequestFacts(provider, sessionId, agentName, agentVersion, model, upstreamHost, upstreamUrl, id, verdict);
        }
    }

    AgentEgressEvent blockEvent(RequestFacts req, ContentBlock block, String blockHash, List<Finding> findings) {
        Instant now = clock.instant();
        Content content = privacyMode
                ? new Content(null, (long) block.text().getBytes(StandardCharsets.UTF_8).length,
                        ContentFactory.sha256Hex(block.text().getBytes(StandardCharsets.UTF_8)), false, false, block.field())
                : contents.of(block.text(), block.field());
        Map<String, String> attrs = new HashMap<>();
        attrs.put("provider", req.provider().name().toLowerCase(Locale.ROOT));
        attrs.put("role", block.role());
        InlineVerdict v = req.verdict();
        attrs.put("decision", v.action().name().toLowerCase(Locale.ROOT));
        if (v.action() == InlineVerdict.Action.BLOCK) {
            attrs.put("blocked", "true");
        }
        decisionAttributes(attrs, v.dlpDecision(), v.policy(), v.askFallback());
        return AgentEgressEvent.newBuilder()
                .setEventId(EventIds.of("proxy", device.deviceId(), blockHash.getBytes(StandardCharsets.US_ASCII), 0,
                        req.sessionId()))
                .setEventTime(now)
                .setIngestTime(now)
                .setSource(EventSource.proxy)
                .setDevice(device())
                .setUser(new User(device.userId(), device.userEmail()))
                .setAgent(new Agent(req.agentName(), req.agentVersion(), req.model()))
                .setSessionId(req.sessionId())
                .setToolUseId(block.toolUseId())
                .setKind(EventKind.model_request)
                .setDestination(new Destination(req.upstreamHost(), null, req.upstreamUrl()))
                .setContent(content)
                .setFingerprints(privacyMode ? fingerprints.encode(block.text()) : null)
                .setFindings(avro(findings, block.field()))
                .setPrivacyMode(privacyMode)
                .setCanBlock(true)
                .setRawRef(req.requestId())
                .setAttributes(attrs)
                .build();
    }

    /** @param askFallback what a policy {@code ask} became, or null */
    AgentEgressEvent tunnelEvent(String host, int port, String agentHint, boolean allowed, PolicyDecision policy,
                                 String askFallback) {
        Instant now = clock.instant();
        Map<String, String> attrs = new HashMap<>();
        attrs.put("decision", allowed ? "allow" : "deny");
        if (policy.ruleId() != null) {
            attrs.put("policy_rule", policy.ruleId());
        }
        decisionAttributes(attrs, allowed ? "allow" : "deny", policy, askFallback);
        String id = EventIds.of("proxy", device.deviceId(), (host + ":" + port + "@" + now.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8), 0, "connect");
        return AgentEgressEvent.newBuilder()
                .setEventId(id)
                .setEventTime(now)
                .setIngestTime(now)
                .setSource(EventSource.proxy)
                .setDevice(device())
                .setUser(new User(device.userId(), device.userEmail()))
                .setAgent(new Agent(agentHint == null ? "unknown" : agentHint, null, null))
                .setKind(EventKind.network_request)
                .setDestination(new Destination(host, port, null))
                .setCanBlock(true)
                .setAttributes(attrs)
                .build();
    }

    /**
     * The decision in the sensor's {@code dlp.*} attributes, so the audit trail reads proxy and
     * sensor decisions alike: what the agent was told, and which policy, version and rule decided.
     */
    static void decisionAttributes(Map<String, String> attrs, String told, PolicyDecision policy, String askFallback) {
        attrs.put("dlp.decision", told);
        if (policy == null) {
            return;
        }
        attrs.put("dlp.policy.id", policy.policyId());
        attrs.put("dlp.policy.version", Long.toString(policy.policyVersion()));
        attrs.put("dlp.policy.rule", policy.ruleId() == null ? "default" : policy.ruleId());
        attrs.put("dlp.policy.effect", policy.effect().name().toLowerCase(Locale.ROOT));
        if (askFallback != null) {
            attrs.put("dlp.policy.ask_fallback", askFallback);
        }
    }

    private Device device() {
        return new Device(device.deviceId(), device.hostname(), device.os());
    }

    static List<io.agentdlp.avro.Finding> avro(List<Finding> findings, String field) {
        List<io.agentdlp.avro.Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(io.agentdlp.avro.Finding.newBuilder()
                    .setDetector(f.detector())
                    .setRuleId(f.ruleId())
                    .setSeverity(io.agentdlp.avro.Severity.valueOf(f.severity().name()))
                    .setConfidence(f.confidence())
                    .setRedactedPreview(f.redactedPreview())
                    .setKeyedHash(f.keyedHash())
                    .setField(f.field() != null ? f.field() : field)
                    .setLine(f.line())
                    .setColumn(f.column())
                    .setOffset(f.offset())
                    .setLength(f.length())
                    .build());
        }
        return out;
    }
}
