package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.time.Instant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.ingest.delivery.DeliveryStatus;
import io.agentdlp.ingest.delivery.SpoolStats;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.sensor.policy.EnforcedPolicy;
import io.agentdlp.ingest.sensor.policy.PolicySync;

/** {@code GET /status} (token required): upstream connectivity, spool depth, counters, last events (no content). */
final class StatusEndpoint implements HttpHandler {
    private final SensorIdentity identity;
    private final SensorDaemon daemon;

    StatusEndpoint(SensorIdentity identity, SensorDaemon daemon) {
        this.identity = identity;
        this.daemon = daemon;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!identity.tokenMatches(ex.getRequestHeaders().getFirst(SensorConfig.TOKEN_HEADER))) {
            Responses.problem(ex, new HttpProblem(401, "unauthenticated", "missing or wrong " + SensorConfig.TOKEN_HEADER + " header"));
            return;
        }
        Responses.json(ex, 200, json(daemon));
    }

    static String json(SensorDaemon d) {
        DeliveryStatus s = d.delivery();
        SpoolStats sp = s.spool();
        SensorActivity a = d.activity();
        StringBuilder b = new StringBuilder(1024);
        b.append("{\"device_id\":\"").append(Responses.quote(d.identity().deviceId())).append('"')
                .append(",\"privacy_mode\":").append(d.config().privacyMode())
                .append(",\"modes\":\"").append(d.config().modes()).append('"')
                .append(",\"upstream\":{\"name\":\"").append(Responses.quote(s.upstream())).append('"')
                .append(",\"connected\":").append(s.connected())
                .append(",\"last_success\":").append(time(s.lastSuccess()))
                .append(",\"last_failure\":").append(time(s.lastFailure()))
                .append(",\"last_error\":").append(s.lastError() == null ? "null" : "\"" + Responses.quote(s.lastError()) + "\"")
                .append(",\"delivered\":").append(s.deliveredEvents())
                .append(",\"rejected\":").append(s.rejectedEvents())
                .append(",\"undecodable\":").append(s.undecodable()).append('}')
                .append(",\"spool\":{\"pending\":").append(sp.pendingRecords())
                .append(",\"bytes\":").append(sp.bytesOnDisk())
                .append(",\"max_bytes\":").append(d.config().spool().maxBytes())
                .append(",\"segments\":").append(sp.segments())
                .append(",\"appended\":").append(sp.appended())
                .append(",\"rejected_full\":").append(sp.rejected())
                .append(",\"dropped_full\":").append(sp.dropped())
                .append(",\"corrupt\":").append(sp.corrupt())
                .append(",\"fsync\":\"").append(d.config().spool().fsync()).append("\"}")
                .append(",\"policy\":").append(policy(d))
                .append(",\"hooks\":{\"received\":").append(a.hooks())
                .append(",\"denied\":").append(a.denied())
                .append(",\"asked\":").append(a.asked())
                .append(",\"warned\":").append(a.warned())
                .append(",\"fail_open\":").append(a.failOpen())
                .append(",\"fail_closed\":").append(a.failClosed())
                .append(",\"bad_requests\":").append(a.badRequests())
                .append(",\"not_spooled\":").append(a.notSpooled()).append('}')
                .append(",\"otlp\":{\"records\":").append(a.otlpRecords())
                .append(",\"rejected\":").append(a.otlpRejected()).append('}')
                .append(",\"last_events\":[");
        boolean first = true;
        for (SensorActivity.Recent r : a.recent()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append("{\"time\":").append(time(r.time())).append(",\"source\":\"").append(r.source())
                    .append("\",\"kind\":\"").append(r.kind()).append("\",\"agent\":\"").append(Responses.quote(r.agent()))
                    .append("\",\"decision\":").append(r.decision() == null ? "null" : "\"" + r.decision() + "\"").append('}');
        }
        return b.append("]}").toString();
    }

    /** The policy version enforced, where it came from, and the sync state; null when no policy is loaded. */
    private static String policy(SensorDaemon d) {
        EnforcedPolicy.Snapshot p = d.policy().current();
        PolicySync sync = d.policySync();
        if (p == null && sync == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("{");
        if (p != null) {
            b.append("\"id\":\"").append(Responses.quote(p.engine().document().id())).append('"')
                    .append(",\"version\":").append(p.engine().document().version())
                    .append(",\"rules\":").append(p.engine().document().rules().size())
                    .append(",\"default\":\"").append(p.engine().document().defaultEffect().name().toLowerCase(java.util.Locale.ROOT)).append('"')
                    .append(",\"origin\":\"").append(p.origin()).append('"')
                    .append(",\"loaded_at\":").append(time(p.loadedAt()));
        } else {
            b.append("\"id\":null,\"version\":null");
        }
        if (sync != null) {
            b.append(",\"sync\":{\"url\":\"").append(Responses.quote(sync.url().toString())).append('"')
                    .append(",\"last_success\":").append(time(sync.lastSuccess()))
                    .append(",\"last_error\":").append(sync.lastError() == null ? "null" : "\"" + Responses.quote(sync.lastError()) + "\"")
                    .append('}');
        }
        return b.append('}').toString();
    }

    private static String time(Instant t) {
        return t == null ? "null" : "\"" + t + "\"";
    }
}
