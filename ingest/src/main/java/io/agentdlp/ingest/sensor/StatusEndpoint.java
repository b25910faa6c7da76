package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.time.Instant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.ingest.delivery.DeliveryStatus;
import io.agentdlp.ingest.delivery.SpoolStats;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.Responses;

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
                .append(",\"policy\":").append(d.policyStatusJson())
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

    private static String time(Instant t) {
        return t == null ? "null" : "\"" + t + "\"";
    }
}
