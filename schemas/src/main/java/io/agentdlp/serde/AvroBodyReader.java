package io.agentdlp.serde;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;

/**
 * Reads the Avro binary body of one record class by hand, in place of Avro's datum reader, which
 * resolves the writer schema into the reader schema field by field through a setter per field. A
 * deserializer given one uses it only for its class, when the record's writer schema equals
 * {@link #schema()} and Avro would read with its fast reader; records of any other writer schema
 * (older or newer producers) still go through Avro's reader, and so does any body this reader fails
 * on, so that errors stay Avro's. Implementations must build the same objects as Avro's fast reader,
 * down to the collection classes, and fail wherever it fails.
 *
 * @param <T> the record class
 */
public interface AvroBodyReader<T> {
    /** The record class this reader builds. */
    Class<T> type();

    /** The schema whose binary encoding this reader reads, as both writer and reader schema. */
    Schema schema();

    /** Reads one body, without any header, from {@code in}. */
    T read(BinaryDecoder in) throws IOException;
}
