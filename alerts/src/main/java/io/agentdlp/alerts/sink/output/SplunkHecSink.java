package io.agentdlp.alerts.sink.output;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;

/**
 * OCSF records to a Splunk HTTP Event Collector ({@code /services/collector/event}, token auth). The
 * body function renders a batch as concatenated HEC envelopes.
 */
public final class SplunkHecSink<T> implements Sink<T> {
    private final String name;
    private final Function<List<T>, String> format;
    private final HttpTransport http;
    private final URI eventUrl;
    private final Map<String, String> headers;
    private final int batchSize;

    public SplunkHecSink(String name, Function<List<T>, String> format, HttpTransport http, URI baseUrl, String token,
                         int batchSize) {
        this.name = name;
        this.format = format;
        this.http = http;
        String base = baseUrl.toString();
        this.eventUrl = base.contains("/services/collector") ? baseUrl
                : URI.create((base.endsWith("/") ? base : base + "/") + "services/collector/event");
        Map<String, String> h = new HashMap<>();
        h.put("Authorization", "Splunk " + token);
        this.headers = Map.copyOf(h);
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "splunk-hec";
    }

    @Override
    public int maxBatch() {
        return batchSize;
    }

    @Override
    public DeliveryResult deliver(List<T> batch) throws SinkException {
        http.post(eventUrl, headers, "application/json", format.apply(batch).getBytes(StandardCharsets.UTF_8));
        return DeliveryResult.ok();
    }
}
