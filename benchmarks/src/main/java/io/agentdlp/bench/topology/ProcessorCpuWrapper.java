package io.agentdlp.bench.topology;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Kafka Streams {@code processor.wrapper.class} that times every processor of the topology (DSL ones
 * included) into the {@link ProcessorCpuProfile} passed under {@link #PROFILE} in the Streams
 * properties. Sink nodes are not processors: serialising what a processor forwards to a topic counts
 * as that processor's time.
 */
public final class ProcessorCpuWrapper implements ProcessorWrapper {
    /** Streams property holding the {@link ProcessorCpuProfile} instance to fill. */
    static final String PROFILE = "agentdlp.bench.processor.cpu.profile";

    private ProcessorCpuProfile profile;

    @Override
    public void configure(Map<String, ?> configs) {
        Object p = configs.get(PROFILE);
        if (!(p instanceof ProcessorCpuProfile cpu)) {
            throw new IllegalArgumentException(PROFILE + " must hold a ProcessorCpuProfile, was " + p);
        }
        this.profile = cpu;
    }

    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String name, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return new WrappedProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new Timed<>(name, supplier.get(), profile);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String name, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return new WrappedFixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<KIn, VIn, VOut> get() {
                return new TimedFixedKey<>(name, supplier.get(), profile);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    private record Timed<KIn, VIn, KOut, VOut>(String name, Processor<KIn, VIn, KOut, VOut> inner, ProcessorCpuProfile profile)
            implements Processor<KIn, VIn, KOut, VOut> {
        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            inner.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            profile.enter(name);
            try {
                inner.process(record);
            } finally {
                profile.exit();
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private record TimedFixedKey<KIn, VIn, VOut>(String name, FixedKeyProcessor<KIn, VIn, VOut> inner, ProcessorCpuProfile profile)
            implements FixedKeyProcessor<KIn, VIn, VOut> {
        @Override
        public void init(FixedKeyProcessorContext<KIn, VOut> context) {
            inner.init(context);
        }

        @Override
        public void process(FixedKeyRecord<KIn, VIn> record) {
            profile.enter(name);
            try {
                inner.process(record);
            } finally {
                profile.exit();
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
