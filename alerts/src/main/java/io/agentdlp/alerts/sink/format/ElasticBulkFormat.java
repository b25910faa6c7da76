package io.agentdlp.alerts.sink.format;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.avro.DlpAlert;

/**
 * Body of an Elasticsearch/OpenSearch {@code _bulk} request: an action line and an ECS document per
 * alert, newline-delimited. With op {@code index} the document id is the alert id, so the index holds
 * the latest version of each alert and a retried request overwrites instead of duplicating; with op
 * {@code create} (required by data streams) the id is {@code <alert_id>/<occurrence_count>}, so a retry
 * is rejected as a conflict rather than duplicated.
 */
public final class ElasticBulkFormat {
    /** Bulk operation. */
    public enum Op { INDEX, CREATE }

    private final EcsFormat ecs;
    private final String index;
    private final Op op;

    public ElasticBulkFormat(EcsFormat ecs, String index, Op op) {
        this.ecs = ecs;
        this.index = index;
        this.op = op;
    }

    /** NDJSON body with the trailing newline the bulk API requires. */
    public String body(List<DlpAlert> alerts) {
        StringBuilder sb = new StringBuilder();
        for (DlpAlert a : alerts) {
            ObjectNode action = AlertJson.MAPPER.createObjectNode();
            ObjectNode meta = action.putObject(op == Op.INDEX ? "index" : "create");
            meta.put("_index", index);
            meta.put("_id", documentId(a));
            sb.append(write(action)).append('\n');
            sb.append(write(ecs.document(a))).append('\n');
        }
        return sb.toString();
    }

    /** The {@code _id} used for an alert. */
    public String documentId(DlpAlert a) {
        return op == Op.INDEX ? a.getAlertId() : a.getAlertId() + "/" + a.getOccurrenceCount();
    }

    private static String write(ObjectNode n) {
        try {
            return AlertJson.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
