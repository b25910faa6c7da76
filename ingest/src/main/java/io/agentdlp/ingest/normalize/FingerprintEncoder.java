package io.agentdlp.ingest.normalize;

import java.util.ArrayList;
import java.util.List;

import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;

/**
 * Winnowing fingerprints of a text in the event's {@code fingerprints} field: what privacy mode sends
 * instead of the text, so the topology can still match own code against the central index. The
 * k/w convention travels with the hashes because the index only matches fingerprints of its own k/w.
 */
public final class FingerprintEncoder {
    private final Fingerprinter fingerprinter;

    public FingerprintEncoder(Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /** The fingerprints of {@code text} with the 1-based line each starts on. */
    public ContentFingerprints encode(CharSequence text) {
        Fingerprints fp = fingerprinter.fingerprint(text);
        List<Long> hashes = new ArrayList<>(fp.size());
        List<Integer> lines = new ArrayList<>(fp.size());
        for (int i = 0; i < fp.size(); i++) {
            hashes.add(fp.hash(i));
            lines.add(fp.startLine(i));
        }
        return new ContentFingerprints(fingerprinter.config().k(), fingerprinter.config().w(), hashes, lines);
    }
}
