package io.agentdlp.topology.code;

import java.util.List;

import org.apache.kafka.streams.processor.api.ProcessorContext;

import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.topology.Detector;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.policy.PolicyBook;

/**
 * Own code in event content, queried against the global code index store with the library's query
 * code: the text when the event carries one, else the fingerprints the sensor computed (privacy
 * mode). Content the session already had scanned is skipped.
 */
public final class CodeMatchDetector implements Detector {
    private final String storeName;
    private final CodeMatchAlerts alerts;
    private CodeIndexStore store;

    public CodeMatchDetector(String storeName, CodeMatchAlerts alerts) {
        this.storeName = storeName;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return CodeMatchAlerts.DETECTOR;
    }

    @Override
    public void init(ProcessorContext<?, ?> context) {
        store = CodeIndexQueryType.unwrap(context.getStateStore(storeName));
    }

    @Override
    public void detect(InspectedEvent e, PolicyBook policies) {
        if (e.duplicate()) {
            return;
        }
        List<CodeMatch> matches;
        if (e.text() != null) {
            matches = store.query(e.text());
        } else if (e.event().getFingerprints() != null) {
            ContentFingerprints f = e.event().getFingerprints();
            matches = store.query(probe(f), f.getK(), f.getW());
        } else {
            return;
        }
        alerts.addAll(e, matches);
    }

    /** Sensor fingerprints carry one line per fingerprint: it is both the start and the end line. */
    static Fingerprints probe(ContentFingerprints f) {
        int n = Math.min(f.getHashes().size(), f.getLines().size());
        long[] h = new long[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            h[i] = f.getHashes().get(i);
            lines[i] = Math.max(1, f.getLines().get(i));
        }
        return Fingerprints.of(h, lines, lines, n);
    }
}
