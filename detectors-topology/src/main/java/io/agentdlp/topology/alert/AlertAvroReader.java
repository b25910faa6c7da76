package io.agentdlp.topology.alert;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;

import io.agentdlp.avro.AlertStatus;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/**
 * Reads a {@link DlpAlert} in Avro's single-object encoding, as {@code DlpAlert.getDecoder()} does,
 * field by field when the bytes carry the fingerprint of the schema {@link AlertAvroWriter} writes,
 * and with Avro's decoder otherwise (states an older version wrote). The alert it builds equals
 * Avro's down to the collections: Avro's array class for lists, and for the attributes a
 * {@link HashMap} of the capacity Avro's reader in use gives it (its fast reader's default one, its
 * schema-walking reader's entry count), since the aggregator re-encodes and forwards stored alerts
 * and a map's iteration order depends on its capacity. Bytes it cannot decode fail as Avro's decoder
 * fails them.
 */
final class AlertAvroReader {
    private static final Schema EVENT_IDS = DlpAlert.getClassSchema().getField("event_ids").schema();
    private static final Schema EVIDENCE = DlpAlert.getClassSchema().getField("evidence").schema();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final AlertStatus[] STATUSES = AlertStatus.values();
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();
    /** The model {@code DlpAlert.getDecoder()} reads with; it picks the reader. */
    private static final SpecificData MODEL = SpecificData.getForClass(DlpAlert.class);

    private AlertAvroReader() {
    }

    /**
     * The alert {@code singleObject} encodes.
     *
     * @throws AvroRuntimeException when the bytes end early or hold an out-of-range union branch or enum symbol
     */
    static DlpAlert read(byte[] singleObject) throws IOException {
        byte[] header = AlertAvroWriter.HEADER;
        if (!startsWith(singleObject, header)) {
            return DlpAlert.getDecoder().decode(singleObject);
        }
        BinaryDecoder d = DecoderFactory.get().binaryDecoder(singleObject, header.length, singleObject.length - header.length,
                DECODER.get());
        DECODER.set(d);
        try {
            return readBody(d);
        } catch (IOException e) {
            // what Avro's single-object decoder throws for the same bytes
            throw new AvroRuntimeException("Decoding datum failed", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static DlpAlert readBody(BinaryDecoder d) throws IOException {
        String alertId = d.readString();
        String detector = d.readString();
        String ruleId = d.readString();
        Severity severity = enumValue(SEVERITIES, d.readEnum(), "severity");
        String title = d.readString();
        String explanation = d.readString();
        Instant firstSeen = Instant.ofEpochMilli(d.readLong());
        Instant lastSeen = Instant.ofEpochMilli(d.readLong());
        long occurrenceCount = d.readLong();
        List<String> eventIds = readStrings(d);
        String sessionId = readOptionalString(d);
        String deviceId = readOptionalString(d);
        String userId = readOptionalString(d);
        String userEmail = readOptionalString(d);
        String agentName = readOptionalString(d);
        String agentVersion = readOptionalString(d);
        String repoRemote = readOptionalString(d);
        Destination destination = present(d, "destination")
                ? new Destination(readOptionalString(d), readOptionalInt(d), readOptionalString(d))
                : null;
        List<Finding> evidence = readFindings(d);
        CodeMatch codeMatch = present(d, "code_match") ? readCodeMatch(d) : null;
        AlertStatus status = enumValue(STATUSES, d.readEnum(), "status");
        boolean contentTruncated = d.readBoolean();
        Map<String, String> attributes = readAttributes(d);
        return new DlpAlert(alertId, detector, ruleId, severity, title, explanation, firstSeen, lastSeen, occurrenceCount,
                eventIds, sessionId, deviceId, userId, userEmail, agentName, agentVersion, repoRemote, destination, evidence,
                codeMatch, status, contentTruncated, attributes);
    }

    private static Finding readFinding(BinaryDecoder d) throws IOException {
        String detector = d.readString();
        String ruleId = d.readString();
        Severity severity = enumValue(SEVERITIES, d.readEnum(), "finding severity");
        double confidence = d.readDouble();
        String preview = d.readString();
        String keyedHash = d.readString();
        String field = readOptionalString(d);
        Integer line = readOptionalInt(d);
        Integer column = readOptionalInt(d);
        Long offset = present(d, "finding offset") ? d.readLong() : null;
        Integer length = readOptionalInt(d);
        return new Finding(detector, ruleId, severity, confidence, preview, keyedHash, field, line, column, offset, length);
    }

    private static CodeMatch readCodeMatch(BinaryDecoder d) throws IOException {
        return new CodeMatch(d.readString(), d.readString(), d.readInt(), d.readInt(), d.readInt(), d.readInt(), d.readDouble(),
                d.readInt(), d.readBoolean());
    }

    private static List<String> readStrings(BinaryDecoder d) throws IOException {
        long n = d.readArrayStart();
        GenericData.Array<String> values = new GenericData.Array<>(GenericDatumReader.initialCollectionCapacity(n), EVENT_IDS);
        for (; n > 0; n = d.arrayNext()) {
            for (long i = 0; i < n; i++) {
                values.add(d.readString());
            }
        }
        return values;
    }

    private static List<Finding> readFindings(BinaryDecoder d) throws IOException {
        long n = d.readArrayStart();
        GenericData.Array<Finding> values = new GenericData.Array<>(GenericDatumReader.initialCollectionCapacity(n), EVIDENCE);
        for (; n > 0; n = d.arrayNext()) {
            for (long i = 0; i < n; i++) {
                values.add(readFinding(d));
            }
        }
        return values;
    }

    private static Map<String, String> readAttributes(BinaryDecoder d) throws IOException {
        long n = d.readMapStart();
        Map<String, String> values = MODEL.isFastReaderEnabled()
                ? new HashMap<>()
                : new HashMap<>(GenericDatumReader.initialCollectionCapacity(n));
        for (; n > 0; n = d.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = d.readString();
                values.put(key, d.readString());
            }
        }
        return values;
    }

    private static String readOptionalString(BinaryDecoder d) throws IOException {
        return present(d, "optional string") ? d.readString() : null;
    }

    private static Integer readOptionalInt(BinaryDecoder d) throws IOException {
        return present(d, "optional int") ? d.readInt() : null;
    }

    /** A {@code ["null", T]} union's branch: false for null. */
    private static boolean present(BinaryDecoder d, String what) throws IOException {
        int branch = d.readIndex();
        if (branch != 0 && branch != 1) {
            throw new IOException("cannot decode alert: union branch " + branch + " of " + what + " out of range");
        }
        return branch == 1;
    }

    private static <E> E enumValue(E[] values, int ordinal, String what) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("cannot decode alert: " + what + " index " + ordinal + " out of range");
        }
        return values[ordinal];
    }
}
