package io.agentdlp.alerts.sink.format;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.avro.DlpAlert;

/**
 * Splunk HTTP Event Collector ({@code /services/collector/event}) envelopes: the OCSF finding as the
 * event, the alert's last-seen time as epoch seconds with milliseconds, and a few indexed fields for
 * fast filtering. Several envelopes in one request are simply concatenated, as HEC accepts.
 */
public final class SplunkHecFormat {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final OcsfFormat ocsf;
    private final String source;
    private final String sourcetype;
    private final String index;

    /**
     * @param source     HEC {@code source}
     * @param sourcetype HEC {@code sourcetype}
     * @param index      HEC {@code index}, or null to use the token's default index
     */
    public SplunkHecFormat(OcsfFormat ocsf, String source, String sourcetype, String index) {
        this.ocsf = ocsf;
        this.source = source;
        this.sourcetype = sourcetype;
        this.index = index == null || index.isBlank() ? null : index;
    }

    /** The envelope for one alert. */
    public ObjectNode envelope(DlpAlert a) {
        ObjectNode o = F.objectNode();
        o.put("time", BigDecimal.valueOf(a.getLastSeen().toEpochMilli(), 3));
        o.put("host", a.getDeviceId() == null ? "unknown" : a.getDeviceId());
        o.put("source", source);
        o.put("sourcetype", sourcetype);
        if (index != null) {
            o.put("index", index);
        }
        o.set("event", ocsf.finding(a));
        ObjectNode fields = o.putObject("fields");
        fields.put("alert_id", a.getAlertId());
        fields.put("severity", a.getSeverity().name());
        fields.put("detector", a.getDetector());
        fields.put("rule_id", a.getRuleId());
        return o;
    }

    /** Request body for a batch: envelopes separated by newlines. */
    public String body(List<DlpAlert> alerts) {
        StringBuilder sb = new StringBuilder();
        for (DlpAlert a : alerts) {
            try {
                sb.append(AlertJson.MAPPER.writeValueAsString(envelope(a))).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize a JSON tree", e);
            }
        }
        return sb.toString();
    }
}
