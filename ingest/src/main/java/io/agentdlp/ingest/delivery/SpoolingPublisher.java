package io.agentdlp.ingest.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentdlp.avro.AgentEgressEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-ahead delivery: {@link #publish} completes once the events are in the local {@link Spool}
 * (so a killed process loses nothing it acknowledged), and one forwarder thread sends them upstream
 * in append order, committing the spool cursor only after the upstream acknowledged. While the
 * upstream is unreachable the spool fills and the forwarder retries with exponential backoff
 * (honouring Retry-After); on reconnect the backlog drains in order. Delivery is at-least-once:
 * a crash between the upstream's ack and the cursor commit re-sends a batch, which the idempotent
 * event ids make harmless downstream.
 */
public final class SpoolingPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolingPublisher.class);

    /**
     * Forwarding knobs.
     *
     * @param maxBatchEvents events per upstream request
     * @param maxBatchBytes  approximate encoded bytes per upstream request
     * @param ackTimeout     how long to wait for the upstream's acknowledgement
     * @param minBackoff     first retry delay after a failure
     * @param maxBackoff     longest retry delay; it bounds how long a sensor keeps its backlog after the
     *                       upstream is back, so it trades replay delay against requests to a down upstream
     */
    public record Options(int maxBatchEvents, long maxBatchBytes, Duration ackTimeout, Duration minBackoff, Duration maxBackoff) {
        /** Default first retry delay. */
        public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(200);
        /** Default longest retry delay. */
        public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

        public Options {
            if (maxBatchEvents < 1 || maxBatchBytes < 1) {
                throw new IllegalArgumentException("batch limits must be positive: events=" + maxBatchEvents + " bytes=" + maxBatchBytes);
            }
            if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 < min <= max: min=" + minBackoff.toMillis()
                        + "ms max=" + maxBackoff.toMillis() + "ms");
            }
        }

        public static Options defaults() {
            return new Options(500, 1 << 20, Duration.ofSeconds(30), DEFAULT_MIN_BACKOFF, DEFAULT_MAX_BACKOFF);
        }

        /** These options with other retry delays. */
        public Options withBackoff(Duration min, Duration max) {
            return new Options(maxBatchEvents, maxBatchBytes, ackTimeout, min, max);
        }
    }

    private final Spool spool;
    private final SpoolEventCodec codec;
    private final EventPublisher upstream;
    private final String upstreamName;
    private final Options options;
    private final Clock clock;
    private final Thread forwarder;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile long deliveredEvents;
    private volatile long rejectedEvents;
    private volatile long undecodable;

    /**
     * Starts forwarding at once.
     *
     * @param spool        the spool (closed by {@link #close()})
     * @param upstream     Kafka or gateway publisher (closed by {@link #close()})
     * @param upstreamName shown in status and logs, e.g. {@code kafka:broker:9092}
     */
    public SpoolingPublisher(Spool spool, EventPublisher upstream, String upstreamName, Options options, Clock clock) throws IOException {
        this.spool = spool;
        this.codec = new SpoolEventCodec(spool.config().dir());
        this.upstream = upstream;
        this.upstreamName = upstreamName;
        this.options = options;
        this.clock = clock;
        this.forwarder = new Thread(this::forward, "agentdlp-spool-forwarder");
        this.forwarder.setDaemon(true);
        this.forwarder.start();
    }

    /** Completes when the events are durably spooled; fails with {@link SpoolFullException} when the spool is full. */
    @Override
    public CompletableFuture<Void> publish(List<AgentEgressEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<byte[]> records = new ArrayList<>(events.size());
        for (AgentEgressEvent e : events) {
            records.add(codec.encode(e));
        }
        try {
            spool.append(records);
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public DeliveryStatus status() {
        return new DeliveryStatus(upstreamName, connected, lastSuccess, lastFailure, lastError, deliveredEvents,
                rejectedEvents, undecodable, spool.stats());
    }

    private void forward() {
        long backoff = options.minBackoff().toMillis();
        while (running) {
            try {
                SpoolBatch batch = spool.read(options.maxBatchEvents(), options.maxBatchBytes());
                if (batch.isEmpty()) {
                    if (batch.skipped() > 0) {
                        spool.commit(batch);
                    }
                    spool.awaitRecords(1, TimeUnit.SECONDS);
                    continue;
                }
                List<AgentEgressEvent> events = decode(batch);
                long wait = deliver(events);
                if (wait < 0) {
                    spool.commit(batch);
                    backoff = options.minBackoff().toMillis();
                    continue;
                }
                long sleep = Math.max(wait, jittered(backoff));
                backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
                sleepInterruptibly(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("event=spool_forwarder_error error={}", e.toString());
                lastError = e.getClass().getSimpleName();
                sleepQuietly(backoff);
                backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
            }
        }
    }

    private List<AgentEgressEvent> decode(SpoolBatch batch) {
        List<AgentEgressEvent> events = new ArrayList<>(batch.records().size());
        for (byte[] r : batch.records()) {
            try {
                events.add(codec.decode(r));
            } catch (IOException | RuntimeException e) {
                undecodable++;
                LOG.error("event=spool_record_undecodable error={}", e.getClass().getSimpleName());
            }
        }
        return events;
    }

    /** Sends one batch; returns -1 when done (delivered or permanently rejected), else the ms to wait. */
    private long deliver(List<AgentEgressEvent> events) throws InterruptedException {
        if (events.isEmpty()) {
            return -1;
        }
        try {
            upstream.publish(events).get(options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            deliveredEvents += events.size();
            lastSuccess = clock.instant();
            if (!connected) {
                LOG.info("event=upstream_connected upstream={}", upstreamName);
            }
            connected = true;
            return -1;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RejectedEventsException) {
                rejectedEvents += events.size();
                LOG.error("event=upstream_rejected_batch upstream={} events={} first_event_id={} reason={}",
                        upstreamName, events.size(), events.get(0).getEventId(), cause.getMessage());
                return -1;
            }
            failed(cause == null ? e : cause);
            // -1 from the destination means "no Retry-After", not "done": never let it commit the batch
            return cause instanceof DeliveryException d ? Math.max(0, d.retryAfterMillis()) : 0;
        } catch (TimeoutException e) {
            failed(e);
            return 0;
        }
    }

    private void failed(Throwable cause) {
        if (connected || lastFailure == null) {
            LOG.warn("event=upstream_unreachable upstream={} error={}", upstreamName, cause.toString());
        }
        connected = false;
        lastFailure = clock.instant();
        lastError = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * Between half and all of {@code backoff}: after a gateway restart, sensors that failed together
     * must not all retry in the same instant.
     */
    private static long jittered(long backoff) {
        long half = backoff / 2;
        return half + ThreadLocalRandom.current().nextLong(backoff - half + 1);
    }

    private void sleepInterruptibly(long ms) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (running) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left, 100));
        }
    }

    private void sleepQuietly(long ms) {
        try {
            sleepInterruptibly(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops forwarding (undelivered events stay in the spool), closes the upstream and the spool. */
    @Override
    public void close() {
        running = false;
        spool.wakeUp();
        // no interrupt: it would close the spool's file channels under the forwarder's feet; closing
        // the upstream fails a pending acknowledgement instead, and every wait checks running
        upstream.close();
        try {
            forwarder.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            spool.close();
        } catch (IOException e) {
            LOG.error("event=spool_close_failed error={}", e.toString());
        }
    }
}
