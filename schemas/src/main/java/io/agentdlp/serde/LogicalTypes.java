package io.agentdlp.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/** Generic data models with and without Avro's standard logical-type conversions. */
final class LogicalTypes {
    private static final GenericData PLAIN = new GenericData();
    private static final GenericData CONVERTING = withConversions();

    private LogicalTypes() {
    }

    /** Raw values: timestamps as long, decimals as bytes, UUIDs as strings. */
    static GenericData plain() {
        return PLAIN;
    }

    /** Java types: Instant, LocalDate, LocalTime, BigDecimal, UUID. Writing accepts raw values too. */
    static GenericData converting() {
        return CONVERTING;
    }

    private static GenericData withConversions() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampNanosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampNanosConversion());
        return data;
    }
}
