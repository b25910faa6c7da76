package io.agentdlp.alerts.sink.output;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;
import io.agentdlp.alerts.sink.format.SlackFormat;
import io.agentdlp.avro.DlpAlert;

/**
 * One Slack-compatible message per alert to an incoming-webhook URL. The URL itself is the
 * credential, so it never appears in logs or errors; Slack's 429 {@code Retry-After} is honoured.
 */
public final class SlackSink implements Sink<DlpAlert> {
    private final String name;
    private final SlackFormat format;
    private final HttpTransport http;
    private final URI url;

    public SlackSink(String name, SlackFormat format, HttpTransport http, URI url) {
        this.name = name;
        this.format = format;
        this.http = http;
        this.url = url;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public DeliveryResult deliver(List<DlpAlert> batch) throws SinkException {
        for (DlpAlert a : batch) {
            http.post(url, Map.of(), "application/json",
                    JsonLines.write(format.message(a)).getBytes(StandardCharsets.UTF_8));
        }
        return DeliveryResult.ok();
    }
}
