package io.agentdlp.topology.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.serde.AvroBodyWriter;

/**
 * Writes a {@link DlpAlert} in Avro's single-object encoding, the same bytes as
 * {@code DlpAlert.getEncoder()}, field by field in schema order. The aggregator stores every alert
 * record it emits, and Avro's generic datum writer (the generated classes have no custom coders,
 * since the schema has timestamps) walks the schema and resolves every union by a map lookup: that
 * walk was most of the aggregator's encoding cost. The {@code dlp-alerts} sink writes the same body
 * ({@link #bodyWriter()}) behind the registry's wire-format header.
 *
 * <p>The writer follows one version of the schema: it refuses to load when {@code DlpAlert}'s schema
 * changed, so a schema change cannot silently write an old layout under the new fingerprint.
 */
public final class AlertAvroWriter {
    /** Parsing fingerprint (CRC-64-AVRO) of the {@code DlpAlert} schema this writer follows. */
    private static final long SCHEMA_FINGERPRINT = 0x29d3bd5ecab17dc4L;
    /** Single-object encoding marker, then the fingerprint little-endian. */
    static final byte[] HEADER = header(SchemaNormalization.parsingFingerprint64(DlpAlert.getClassSchema()));
    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();
    private static final AvroBodyWriter<DlpAlert> BODY = new AvroBodyWriter<>() {
        @Override
        public Class<DlpAlert> type() {
            return DlpAlert.class;
        }

        @Override
        public Schema schema() {
            return DlpAlert.getClassSchema();
        }

        @Override
        public void write(DlpAlert a, Encoder out) throws IOException {
            writeBody(a, out);
        }
    };

    private AlertAvroWriter() {
    }

    private static byte[] header(long fingerprint) {
        if (fingerprint != SCHEMA_FINGERPRINT) {
            throw new IllegalStateException("the DlpAlert schema changed (fingerprint " + Long.toHexString(fingerprint)
                    + "): update AlertAvroWriter to the new fields and its SCHEMA_FINGERPRINT");
        }
        byte[] h = new byte[10];
        h[0] = (byte) 0xC3;
        h[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return h;
    }

    /** The Avro binary body of a {@link DlpAlert}, for a registry serializer. */
    public static AvroBodyWriter<DlpAlert> bodyWriter() {
        return BODY;
    }

    /** Writes {@code a}, header included, to {@code out}. */
    static void write(DlpAlert a, OutputStream out) throws IOException {
        out.write(HEADER);
        BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, ENCODER.get());
        ENCODER.set(e);
        writeBody(a, e);
        e.flush();
    }

    private static void writeBody(DlpAlert a, Encoder e) throws IOException {
        e.writeString(a.getAlertId());
        e.writeString(a.getDetector());
        e.writeString(a.getRuleId());
        e.writeEnum(a.getSeverity().ordinal());
        e.writeString(a.getTitle());
        e.writeString(a.getExplanation());
        e.writeLong(a.getFirstSeen().toEpochMilli());
        e.writeLong(a.getLastSeen().toEpochMilli());
        e.writeLong(a.getOccurrenceCount());
        writeStrings(a.getEventIds(), e);
        writeOptional(a.getSessionId(), e);
        writeOptional(a.getDeviceId(), e);
        writeOptional(a.getUserId(), e);
        writeOptional(a.getUserEmail(), e);
        writeOptional(a.getAgentName(), e);
        writeOptional(a.getAgentVersion(), e);
        writeOptional(a.getRepoRemote(), e);
        writeDestination(a.getDestination(), e);
        List<Finding> evidence = a.getEvidence();
        e.writeArrayStart();
        e.setItemCount(evidence.size());
        for (Finding f : evidence) {
            e.startItem();
            writeFinding(f, e);
        }
        e.writeArrayEnd();
        writeCodeMatch(a.getCodeMatch(), e);
        e.writeEnum(a.getStatus().ordinal());
        e.writeBoolean(a.getContentTruncated());
        Map<String, String> attributes = a.getAttributes();
        e.writeMapStart();
        e.setItemCount(attributes.size());
        for (Map.Entry<String, String> kv : attributes.entrySet()) {
            e.startItem();
            e.writeString(kv.getKey());
            e.writeString(kv.getValue());
        }
        e.writeMapEnd();
    }

    private static void writeFinding(Finding f, Encoder e) throws IOException {
        e.writeString(f.getDetector());
        e.writeString(f.getRuleId());
        e.writeEnum(f.getSeverity().ordinal());
        e.writeDouble(f.getConfidence());
        e.writeString(f.getRedactedPreview());
        e.writeString(f.getKeyedHash());
        writeOptional(f.getField(), e);
        writeOptional(f.getLine(), e);
        writeOptional(f.getColumn(), e);
        Long offset = f.getOffset();
        if (offset == null) {
            e.writeIndex(0);
        } else {
            e.writeIndex(1);
            e.writeLong(offset);
        }
        writeOptional(f.getLength(), e);
    }

    private static void writeDestination(Destination d, Encoder e) throws IOException {
        if (d == null) {
            e.writeIndex(0);
            return;
        }
        e.writeIndex(1);
        writeOptional(d.getHost(), e);
        writeOptional(d.getPort(), e);
        writeOptional(d.getUrl(), e);
    }

    private static void writeCodeMatch(CodeMatch m, Encoder e) throws IOException {
        if (m == null) {
            e.writeIndex(0);
            return;
        }
        e.writeIndex(1);
        e.writeString(m.getRepo());
        e.writeString(m.getSourcePath());
        e.writeInt(m.getSourceStartLine());
        e.writeInt(m.getSourceEndLine());
        e.writeInt(m.getProbeStartLine());
        e.writeInt(m.getProbeEndLine());
        e.writeDouble(m.getSimilarity());
        e.writeInt(m.getMatchedFingerprints());
        e.writeBoolean(m.getContiguous());
    }

    private static void writeStrings(List<String> values, Encoder e) throws IOException {
        e.writeArrayStart();
        e.setItemCount(values.size());
        for (String v : values) {
            e.startItem();
            e.writeString(v);
        }
        e.writeArrayEnd();
    }

    /** A {@code ["null", "string"]} union. */
    private static void writeOptional(String s, Encoder e) throws IOException {
        if (s == null) {
            e.writeIndex(0);
        } else {
            e.writeIndex(1);
            e.writeString(s);
        }
    }

    /** A {@code ["null", "int"]} union. */
    private static void writeOptional(Integer i, Encoder e) throws IOException {
        if (i == null) {
            e.writeIndex(0);
        } else {
            e.writeIndex(1);
            e.writeInt(i);
        }
    }
}
