package io.agentdlp.alerts.sink.output;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;
import io.agentdlp.alerts.sink.format.OcsfFormat;
import io.agentdlp.avro.DlpAlert;

/** OCSF findings as JSON lines on standard output (for container log collectors). */
public final class OcsfStdoutSink implements Sink {
    private final String name;
    private final OcsfFormat ocsf;
    private final PrintStream out;

    public OcsfStdoutSink(String name, OcsfFormat ocsf, PrintStream out) {
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
    public DeliveryResult deliver(List<DlpAlert> batch) throws SinkException {
        out.print(new String(JsonLines.of(batch, ocsf::finding), StandardCharsets.UTF_8));
        out.flush();
        if (out.checkError()) {
            throw new SinkException("standard output is closed or failing", true);
        }
        return DeliveryResult.ok();
    }
}
