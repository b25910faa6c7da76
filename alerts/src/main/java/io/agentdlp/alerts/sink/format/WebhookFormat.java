package io.agentdlp.alerts.sink.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.avro.DlpAlert;

/**
 * Generic webhook payload: a small envelope ({@code type}, {@code version}, links) around the native
 * alert JSON. Receivers de-duplicate redeliveries by {@code delivery_id}.
 */
public final class WebhookFormat {
    /** Envelope type. */
    public static final String TYPE = "agentdlp.alert";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final AlertLinks links;

    public WebhookFormat(AlertLinks links) {
        this.links = links;
    }

    /** The payload for one alert update. */
    public ObjectNode payload(DlpAlert a) {
        ObjectNode o = F.objectNode();
        o.put("type", TYPE);
        o.put("version", 1);
        o.put("delivery_id", deliveryId(a));
        o.put("console_url", links.alert(a.getAlertId()).orElse(null));
        o.put("code_url", links.code(a.getCodeMatch()).orElse(null));
        o.set("alert", AlertJson.toJson(a));
        return o;
    }

    /** Stable id of one alert update: the same update redelivered has the same id. */
    public static String deliveryId(DlpAlert a) {
        return a.getAlertId() + "/" + a.getOccurrenceCount();
    }
}
