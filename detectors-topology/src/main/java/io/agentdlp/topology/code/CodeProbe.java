package io.agentdlp.topology.code;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.avro.Destination;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.StateBytes;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.policy.Destinations;
import io.agentdlp.topology.policy.PolicyDecision;

/**
 * An event's fingerprints on their way to every shard of the partitioned code index, with what the
 * regrouping step needs to raise alerts once all shards answered: the alert context, where the
 * content came from and went, and the destination's policy decision. No content travels.
 *
 * @param probeId          the event id
 * @param sessionKey       {@code <device>:<session>}
 * @param k                k-gram length of the fingerprints
 * @param w                winnowing window of the fingerprints
 * @param codeTokens       code tokens of the probe text
 * @param hashes           fingerprints (empty in answers)
 * @param startLines       first line of each fingerprint
 * @param endLines         last line of each fingerprint
 * @param context          alert context of the event
 * @param kind             event kind
 * @param field            content field
 * @param notAllowed       the event's destination is not allowed by policy
 * @param alreadySensitive secrets were already found in the event
 * @param policy           the destination's policy decision
 * @param contentBytes     content size
 */
public record CodeProbe(String probeId, String sessionKey, int k, int w, int codeTokens, long[] hashes, int[] startLines,
                        int[] endLines, AlertContext context, String kind, String field, boolean notAllowed,
                        boolean alreadySensitive, PolicyDecision policy, long contentBytes) {
    private static final int VERSION = 1;

    /** The probe of an inspected event with its fingerprints. */
    public static CodeProbe of(InspectedEvent e, Fingerprints f, int k, int w) {
        Endpoint to = e.decidedEndpoint() != null ? e.decidedEndpoint() : e.endpoints().isEmpty() ? null : e.endpoints().get(0);
        AlertContext ctx = AlertContext.of(e.key(), e.event(), to == null ? null : Destinations.toAvro(to), e.truncated());
        String field = e.event().getContent() == null ? "fingerprints" : e.event().getContent().getField();
        return new CodeProbe(e.event().getEventId(), e.key(), k, w, f.codeTokens(), f.hashes(), f.startLines(),
                f.endLines(), ctx, e.event().getKind().name(), field, e.egressNotAllowed(), e.sensitiveContent(),
                e.decision(), e.contentBytes());
    }

    public Fingerprints fingerprints() {
        return Fingerprints.of(hashes, startLines, endLines, codeTokens);
    }

    /** This probe without its fingerprints (what answers carry back). */
    public CodeProbe withoutFingerprints() {
        return new CodeProbe(probeId, sessionKey, k, w, codeTokens, new long[0], new int[0], new int[0], context, kind,
                field, notAllowed, alreadySensitive, policy, contentBytes);
    }

    void write(StateBytes.Writer o) {
        o.putString(probeId).putString(sessionKey).putInt(k).putInt(w).putInt(codeTokens).putInt(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            o.putLong(hashes[i]).putInt(startLines[i]).putInt(endLines[i]);
        }
        AlertContext c = context;
        o.putString(c.scope()).putString(c.eventId()).putLong(c.eventTime()).putString(c.sessionId())
                .putString(c.deviceId()).putString(c.userId()).putString(c.userEmail()).putString(c.agentName())
                .putString(c.agentVersion()).putString(c.repoRemote()).putBoolean(c.contentTruncated());
        Destination d = c.destination();
        o.putBoolean(d != null);
        if (d != null) {
            o.putString(d.getHost()).putInt(d.getPort() == null ? -1 : d.getPort()).putString(d.getUrl());
        }
        o.putString(kind).putString(field).putBoolean(notAllowed).putBoolean(alreadySensitive);
        o.putString(policy.effect().name()).putString(policy.policyId()).putLong(policy.version())
                .putString(policy.ruleId()).putString(policy.severity().name()).putString(policy.reason());
        o.putLong(contentBytes);
    }

    static CodeProbe read(StateBytes.Reader r) {
        String id = r.getString();
        String key = r.getString();
        int k = r.getInt();
        int w = r.getInt();
        int tokens = r.getInt();
        int n = r.getInt();
        if (n < 0 || n > 1 << 24) {
            throw new org.apache.kafka.common.errors.SerializationException("cannot read code probe: " + n + " fingerprints");
        }
        long[] h = new long[n];
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            h[i] = r.getLong();
            s[i] = r.getInt();
            e[i] = r.getInt();
        }
        String scope = r.getString();
        String eventId = r.getString();
        long time = r.getLong();
        String session = r.getString();
        String device = r.getString();
        String user = r.getString();
        String email = r.getString();
        String agent = r.getString();
        String agentVersion = r.getString();
        String repo = r.getString();
        boolean truncated = r.getBoolean();
        Destination d = null;
        if (r.getBoolean()) {
            String host = r.getString();
            int port = r.getInt();
            d = Destination.newBuilder().setHost(host).setPort(port < 0 ? null : port).setUrl(r.getString()).build();
        }
        AlertContext ctx = new AlertContext(scope, eventId, time, session, device, user, email, agent, agentVersion, repo,
                d, truncated);
        String kind = r.getString();
        String field = r.getString();
        boolean notAllowed = r.getBoolean();
        boolean sensitive = r.getBoolean();
        PolicyDecision p = new PolicyDecision(io.agentdlp.detection.policy.Effect.valueOf(r.getString()), r.getString(),
                r.getLong(), r.getString(), io.agentdlp.detection.Severity.parse(r.getString()), r.getString());
        return new CodeProbe(id, key, k, w, tokens, h, s, e, ctx, kind, field, notAllowed, sensitive, p, r.getLong());
    }

    public static Serde<CodeProbe> serde() {
        Serializer<CodeProbe> ser = (topic, p) -> {
            if (p == null) {
                return null;
            }
            StateBytes.Writer w = new StateBytes.Writer(256 + p.hashes.length * 16, VERSION);
            p.write(w);
            return w.toByteArray();
        };
        Deserializer<CodeProbe> de = (topic, b) -> b == null ? null : read(new StateBytes.Reader(b, "code probe", VERSION));
        return Serdes.serdeFrom(ser, de);
    }
}
