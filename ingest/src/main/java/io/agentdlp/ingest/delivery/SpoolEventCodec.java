package io.agentdlp.ingest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.serde.AvroClassTrust;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;

/**
 * Events in the spool: Avro single-object encoding (a schema fingerprint before each record). The
 * writer schemas live in {@code <spool>/schemas/<fingerprint>.avsc}, so records spooled by an older
 * sensor version still decode after an upgrade (Avro schema resolution).
 */
public final class SpoolEventCodec {
    private final BinaryMessageEncoder<AgentEgressEvent> encoder = AgentEgressEvent.getEncoder();
    private final BinaryMessageDecoder<AgentEgressEvent> decoder;

    /** Registers the current schema in {@code spoolDir/schemas} and loads every schema found there. */
    public SpoolEventCodec(Path spoolDir) throws IOException {
        AvroClassTrust.trustGenerated(); // Avro 1.12.2 decodes only classes it was told to trust
        Path dir = spoolDir.resolve("schemas");
        Files.createDirectories(dir);
        Schema current = AgentEgressEvent.getClassSchema();
        Path own = dir.resolve(Long.toHexString(SchemaNormalization.parsingFingerprint64(current)) + ".avsc");
        if (!Files.exists(own)) {
            Path tmp = dir.resolve(own.getFileName() + ".tmp");
            Files.writeString(tmp, current.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, own, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SchemaStore.Cache store = new SchemaStore.Cache();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
                store.addSchema(new Schema.Parser().parse(Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        decoder = AgentEgressEvent.createDecoder(store);
    }

    public byte[] encode(AgentEgressEvent event) {
        try {
            ByteBuffer b = encoder.encode(event);
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode event " + event.getEventId(), e);
        }
    }

    /** @throws IOException when the record is not a decodable event (unknown schema, bad bytes) */
    public AgentEgressEvent decode(byte[] record) throws IOException {
        return decoder.decode(record);
    }
}
