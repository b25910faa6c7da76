package io.agentdlp.bench.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exclusive CPU time per processor of a topology run on one thread: a processor's time stops while
 * it forwards to its children (they are timed on their own) and resumes when they return. Reading
 * the thread's CPU clock costs time itself; {@link #clockCostNanos()} is that cost, measured once, and
 * {@link #exclusiveNanos} takes it off every timed segment.
 */
final class ProcessorCpuProfile {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Totals> totals = new LinkedHashMap<>();
    private final long clockCost;

    ProcessorCpuProfile() {
        this.clockCost = calibrate();
    }

    /** The calling thread's CPU clock in nanoseconds. */
    long cpuNow() {
        return mx.getCurrentThreadCpuTime();
    }

    void enter(String processor) {
        long now = cpuNow();
        Frame parent = stack.peek();
        if (parent != null) {
            parent.charge(now);
        }
        stack.push(new Frame(processor, now));
    }

    void exit() {
        long now = cpuNow();
        Frame f = stack.pop();
        f.charge(now);
        Totals t = totals.computeIfAbsent(f.processor, k -> new Totals());
        t.nanos += f.nanos;
        t.segments += f.segments;
        t.calls++;
        Frame parent = stack.peek();
        if (parent != null) {
            parent.since = now;
        }
    }

    /** Forgets what was measured so far (after the warm-up). */
    void reset() {
        totals.clear();
    }

    /** Processors in first-seen order. */
    Iterable<String> processors() {
        return totals.keySet();
    }

    /** CPU time spent in the processor itself, clock reads taken off. */
    long exclusiveNanos(String processor) {
        Totals t = totals.get(processor);
        return t == null ? 0 : Math.max(0, t.nanos - t.segments * clockCost);
    }

    /** Clock reads made while measuring, all processors together: their cost is inside the run's CPU total. */
    long clockReads() {
        long n = 0;
        for (Totals t : totals.values()) {
            n += 2 * t.calls;
        }
        return n;
    }

    long clockCostNanos() {
        return clockCost;
    }

    private long calibrate() {
        int n = 200_000;
        long sink = 0;
        for (int i = 0; i < n / 10; i++) {
            sink += cpuNow();
        }
        long start = cpuNow();
        for (int i = 0; i < n; i++) {
            sink += cpuNow();
        }
        long cost = (cpuNow() - start) / n;
        return sink == 42 ? cost + 1 : cost;
    }

    private static final class Frame {
        final String processor;
        long since;
        long nanos;
        long segments;

        Frame(String processor, long since) {
            this.processor = processor;
            this.since = since;
        }

        void charge(long now) {
            nanos += now - since;
            segments++;
            since = now;
        }
    }

    private static final class Totals {
        long nanos;
        long segments;
        long calls;
    }
}
