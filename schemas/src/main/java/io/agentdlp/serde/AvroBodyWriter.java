package io.agentdlp.serde;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * Writes the Avro binary body of one record class by hand, in place of Avro's datum writer, which
 * walks the schema and resolves every union per value. A serializer given one uses it for values of
 * exactly {@link #type()} written with exactly {@link #schema()} (the wire-format header stays the
 * serializer's); any other value, or a value re-expressed in a registry's latest schema, still goes
 * through Avro's writer. Implementations must write the same bytes as Avro's writer.
 *
 * @param <T> the record class
 */
public interface AvroBodyWriter<T> {
    /** The record class this writer handles. */
    Class<T> type();

    /** The schema whose binary encoding this writer produces. */
    Schema schema();

    /** Writes {@code datum}'s body, without any header, to {@code out}. */
    void write(T datum, Encoder out) throws IOException;
}
