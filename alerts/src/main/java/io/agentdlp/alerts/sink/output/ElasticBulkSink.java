package io.agentdlp.alerts.sink.output;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;

/**
 * Documents (ECS alerts, or OCSF audit-trail records) through the Elasticsearch / OpenSearch {@code _bulk} API. The bulk API answers 200
 * even when items fail, so the response's {@code items} are read: 429 and 5xx items are retried,
 * other item errors (mapping conflicts) are dead-lettered, and a 409 on {@code create} counts as
 * delivered (the document is already there from an earlier attempt).
 */
public final class ElasticBulkSink<T> implements Sink<T> {
    private final String name;
    private final Function<List<T>, String> format;
    private final HttpTransport http;
    private final URI bulkUrl;
    private final Map<String, String> headers;
    private final int batchSize;

    public ElasticBulkSink(String name, Function<List<T>, String> format, HttpTransport http, URI baseUrl,
                           Map<String, String> headers, int batchSize) {
        this.name = name;
        this.format = format;
        this.http = http;
        String base = baseUrl.toString();
        this.bulkUrl = URI.create((base.endsWith("/") ? base : base + "/") + "_bulk");
        this.headers = Map.copyOf(headers);
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "elastic";
    }

    @Override
    public int maxBatch() {
        return batchSize;
    }

    @Override
    public DeliveryResult deliver(List<T> batch) throws SinkException {
        HttpResponse<String> r = http.post(bulkUrl, headers, "application/x-ndjson",
                format.apply(batch).getBytes(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = AlertJson.MAPPER.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new SinkException("bulk response from " + HttpTransport.origin(bulkUrl) + " is not JSON", true, null, e);
        }
        if (!body.path("errors").asBoolean(false)) {
            return DeliveryResult.ok();
        }
        JsonNode items = body.path("items");
        if (!items.isArray() || items.size() != batch.size()) {
            throw new SinkException("bulk response has " + items.size() + " items for " + batch.size() + " documents",
                    true);
        }
        Map<Integer, DeliveryResult.Failure> failures = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode result = items.get(i).elements().next();
            int status = result.path("status").asInt(500);
            if (status >= 200 && status < 300 || status == 409) {
                continue;
            }
            String type = result.path("error").path("type").asText("unknown");
            failures.put(i, new DeliveryResult.Failure("bulk item status=" + status + " type=" + type,
                    status == 429 || status >= 500));
        }
        return new DeliveryResult(failures);
    }
}
