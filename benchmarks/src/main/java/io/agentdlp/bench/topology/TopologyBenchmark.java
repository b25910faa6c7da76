package io.agentdlp.bench.topology;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * JMH: events/s through the whole topology (TopologyTestDriver, no broker) on one thread, cycling
 * over a fixed set of pre-serialised realistic events. Duplicate-content suppression is off, because
 * cycling replays the same content and would otherwise be skipped after the first round; see
 * {@link TopologyThroughput} for the CPU-time figures with every feature on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TopologyBenchmark {
    @Param({"exactly_once_v2", "at_least_once"})
    public String guarantee;

    private TopologyRig rig;
    private List<TopologyRig.Wire> events;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        rig = new TopologyRig(TopologyConfig.defaults().with("processing.guarantee", guarantee)
                .with("dedup.enabled", "false"), indexed);
        events = rig.serialise(new EgressWorkload(20260302L, indexed)::next, 4_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rig.close();
    }

    @Benchmark
    public int event() {
        rig.pipe(events.get(next));
        next = (next + 1) % events.size();
        return next == 0 ? rig.drainAlerts() : next;
    }
}
