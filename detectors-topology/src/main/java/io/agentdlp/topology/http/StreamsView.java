package io.agentdlp.topology.http;

import java.util.Optional;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.agentdlp.avro.Policy;
import io.agentdlp.topology.code.CodeIndexStore;
import io.agentdlp.topology.session.SessionQueries;

/** What the HTTP API needs from the running topology: its state and read access to its stores. */
public interface StreamsView {
    /** Kafka Streams state name, e.g. RUNNING, REBALANCING, ERROR. */
    String state();

    /** True while the instance can serve (RUNNING or REBALANCING). */
    boolean alive();

    /** True when the instance processes its assignment (RUNNING). */
    boolean ready();

    /** Where a session's summary and timeline live. */
    SessionLocation locateSession(String sessionKey);

    /** The policies GlobalKTable, when queryable. */
    Optional<ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>>> policies();

    /** The whole code index (global mode), when queryable. */
    Optional<CodeIndexStore> codeIndex();

    /** Outcome of locating a session. */
    sealed interface SessionLocation {
        /** Held here (or, without {@code application.server}, only here is asked): read it from these stores. */
        record Local(SessionQueries queries) implements SessionLocation {
        }

        /** Held by another instance at {@code host:port}. */
        record Remote(String host, int port) implements SessionLocation {
        }

        /** No instance can answer now (rebalancing, or the store is not queryable). */
        record Unavailable(String reason) implements SessionLocation {
        }
    }
}
