package io.agentdlp.topology.config;

import java.util.Locale;

/** The two processing guarantees the topology supports. */
public enum ProcessingMode {
    EXACTLY_ONCE_V2("exactly_once_v2"),
    AT_LEAST_ONCE("at_least_once");

    private final String streamsValue;

    ProcessingMode(String streamsValue) {
        this.streamsValue = streamsValue;
    }

    /** The value of Kafka Streams' {@code processing.guarantee}. */
    public String streamsValue() {
        return streamsValue;
    }

    public static ProcessingMode parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ProcessingMode m : values()) {
            if (m.streamsValue.equals(v)) {
                return m;
            }
        }
        throw new ConfigException("option processing.guarantee='" + s + "' is not exactly_once_v2 or at_least_once");
    }
}
