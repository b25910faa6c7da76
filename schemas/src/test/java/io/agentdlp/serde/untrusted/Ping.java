package io.agentdlp.serde.untrusted;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A SpecificRecord outside agentdlp's generated package, written by hand the way avro-tools would
 * generate it, to prove that Avro's class trust list applies and {@code avro.trusted.classes} opens it.
 */
public class Ping extends SpecificRecordBase {
    public static final Schema SCHEMA$ = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"io.agentdlp.serde.untrusted\","
                    + "\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}");

    private long n;

    public Ping() {
    }

    public Ping(long n) {
        this.n = n;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    public long getN() {
        return n;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        if (field == 0) {
            return n;
        }
        throw new IndexOutOfBoundsException("Invalid index: " + field);
    }

    @Override
    public void put(int field, Object value) {
        if (field == 0) {
            n = (Long) value;
            return;
        }
        throw new IndexOutOfBoundsException("Invalid index: " + field);
    }
}
