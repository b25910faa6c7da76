package io.agentdlp.topology.http;

import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.agentdlp.avro.Policy;
import io.agentdlp.topology.DlpTopology;
import io.agentdlp.topology.code.CodeIndexQueryType;
import io.agentdlp.topology.code.CodeIndexStore;
import io.agentdlp.topology.session.SessionQueries;
import io.agentdlp.topology.session.SessionSummary;

/** {@link StreamsView} over a running {@link KafkaStreams} with interactive queries. */
public final class KafkaStreamsView implements StreamsView {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final boolean timelineStores;

    /**
     * @param self           this instance's {@code application.server} (null when not set)
     * @param timelineStores whether the topology records session timelines
     */
    public KafkaStreamsView(KafkaStreams streams, HostInfo self, boolean timelineStores) {
        this.streams = streams;
        this.self = self;
        this.timelineStores = timelineStores;
    }

    @Override
    public String state() {
        return streams.state().name();
    }

    @Override
    public boolean alive() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING || s == KafkaStreams.State.CREATED;
    }

    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public SessionLocation locateSession(String key) {
        if (self == null) {
            // Streams publishes key metadata only for instances that declare an endpoint: without
            // application.server there is nobody to redirect to, so this instance answers alone.
            return local();
        }
        KeyQueryMetadata meta;
        try {
            meta = streams.queryMetadataForKey(DlpTopology.SESSION_STORE, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return new SessionLocation.Unavailable("streams not running");
        }
        if (meta == null || meta == KeyQueryMetadata.NOT_AVAILABLE) {
            return new SessionLocation.Unavailable("no instance holds the session store yet");
        }
        HostInfo owner = meta.activeHost();
        if (!owner.equals(self) && !owner.equals(HostInfo.unavailable())) {
            return new SessionLocation.Remote(owner.host(), owner.port());
        }
        return local();
    }

    private SessionLocation local() {
        try {
            return new SessionLocation.Local(new SessionQueries(
                    streams.store(StoreQueryParameters.fromNameAndType(DlpTopology.SESSION_STORE,
                            QueryableStoreTypes.<String, SessionSummary>keyValueStore())),
                    optionalStore(DlpTopology.TIMELINE_HEAD_STORE), optionalStore(DlpTopology.TIMELINE_STORE)));
        } catch (InvalidStateStoreException e) {
            return new SessionLocation.Unavailable("session store not queryable: " + streams.state());
        }
    }

    /** A store of the session sub-topology, or null when the topology does not have it (timeline disabled). */
    private <V> ReadOnlyKeyValueStore<String, V> optionalStore(String name) {
        if (!timelineStores) {
            return null;
        }
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    @Override
    public Optional<ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>>> policies() {
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(DlpTopology.POLICY_STORE,
                    QueryableStoreTypes.<String, Policy>timestampedKeyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<CodeIndexStore> codeIndex() {
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(DlpTopology.CODE_INDEX_STORE,
                    new CodeIndexQueryType())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
