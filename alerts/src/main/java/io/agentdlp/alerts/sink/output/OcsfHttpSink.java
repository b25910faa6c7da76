package io.agentdlp.alerts.sink.output;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;

/**
 * OCSF records (alert findings or audit-trail activities) POSTed as newline-delimited JSON ({@code application/x-ndjson}) to any HTTP
 * collector (Vector, Fluent Bit, Cribl, a data lake ingest endpoint).
 */
public final class OcsfHttpSink<T> implements Sink<T> {
    private final String name;
    private final Function<? super T, ? extends JsonNode> ocsf;
    private final HttpTransport http;
    private final URI url;
    private final Map<String, String> headers;
    private final int batchSize;

    public OcsfHttpSink(String name, Function<? super T, ? extends JsonNode> ocsf, HttpTransport http, URI url, Map<String, String> headers,
                        int batchSize) {
        this.name = name;
        this.ocsf = ocsf;
        this.http = http;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "ocsf-http";
    }

    @Override
    public int maxBatch() {
        return batchSize;
    }

    @Override
    public DeliveryResult deliver(List<T> batch) throws SinkException {
        http.post(url, headers, "application/x-ndjson", JsonLines.of(batch, ocsf));
        return DeliveryResult.ok();
    }
}
