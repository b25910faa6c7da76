package io.agentdlp.alerts.sink.output;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;

/**
 * OCSF records (alert findings or audit-trail activities) as JSON lines on standard output, for
 * container log collectors.
 */
public final class OcsfStdoutSink<T> implements Sink<T> {
    private final String name;
    private final Function<? super T, ? extends JsonNode> ocsf;
    private final PrintStream out;

    public OcsfStdoutSink(String name, Function<? super T, ? extends JsonNode> ocsf, PrintStream out) {
        this.name = name;
        this.ocsf = ocsf;
        this.out = out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "ocsf-stdout";
    }

    @Override
    public int maxBatch() {
        return 100;
    }

    @Override
    public DeliveryResult deliver(List<T> batch) throws SinkException {
        out.print(new String(JsonLines.of(batch, ocsf), StandardCharsets.UTF_8));
        out.flush();
        if (out.checkError()) {
            throw new SinkException("standard output is closed or failing", true);
        }
        return DeliveryResult.ok();
    }
}
