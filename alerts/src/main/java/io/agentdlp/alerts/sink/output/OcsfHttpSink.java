package io.agentdlp.alerts.sink.output;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;
import io.agentdlp.alerts.sink.format.OcsfFormat;
import io.agentdlp.avro.DlpAlert;

/**
 * OCSF findings POSTed as newline-delimited JSON ({@code application/x-ndjson}) to any HTTP
 * collector (Vector, Fluent Bit, Cribl, a data lake ingest endpoint).
 */
public final class OcsfHttpSink implements Sink {
    private final String name;
    private final OcsfFormat ocsf;
    private final HttpTransport http;
    private final URI url;
    private final Map<String, String> headers;
    private final int batchSize;

    public OcsfHttpSink(String name, OcsfFormat ocsf, HttpTransport http, URI url, Map<String, String> headers,
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
    public DeliveryResult deliver(List<DlpAlert> batch) throws SinkException {
        http.post(url, headers, "application/x-ndjson", JsonLines.of(batch, ocsf::finding));
        return DeliveryResult.ok();
    }
}
