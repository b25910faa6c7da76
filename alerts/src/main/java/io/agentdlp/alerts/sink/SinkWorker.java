package io.agentdlp.alerts.sink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.agentdlp.alerts.metrics.SinkMeters;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the records of one topic (dlp-alerts, or the agent audit trail) to one sink, on its own thread with its own consumer group, so a slow or
 * failing destination never delays the others. Alerts are delivered in order; a failed batch is
 * retried with backoff while the consumer stays in its group (partitions paused, poll keeps going).
 * Offsets are committed only up to alerts that were delivered, filtered out or dead-lettered, so a
 * restart loses nothing (delivery is at-least-once; every format carries a stable id for
 * de-duplication).
 */
public final class SinkWorker<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration BUSY_POLL = Duration.ofMillis(100);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final Sink<T> sink;
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<T> deserializer;
    private final Predicate<T> filter;
    private final Function<T, String> idOf;
    private final String component;
    private final RetryPolicy retry;
    private final DeadLetterPublisher deadLetters;
    private final SinkMeters meters;
    private final Clock clock;
    private final List<Pending<T>> pending = new ArrayList<>();
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SinkStatus status;
    private Instant lastCommit = Instant.EPOCH;

    /**
     * @param idOf      id of a record for logs (never its content)
     * @param component names this worker in dead-letter headers, e.g. {@code alerts-sink:siem}
     */
    public SinkWorker(Sink<T> sink, Consumer<byte[], byte[]> consumer, String topic, Deserializer<T> deserializer,
                      Predicate<T> filter, Function<T, String> idOf, String component, RetryPolicy retry,
                      DeadLetterPublisher deadLetters, SinkMeters meters, Clock clock) {
        this.sink = sink;
        this.consumer = consumer;
        this.topic = topic;
        this.deserializer = deserializer;
        this.filter = filter;
        this.idOf = idOf;
        this.component = component;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.clock = clock;
        this.status = SinkStatus.initial(sink.name(), sink.type());
        this.thread = new Thread(this::run, "agentdlp-sink-" + sink.name());
        this.thread.setDaemon(true);
    }

    /** Starts the delivery thread. */
    public SinkWorker<T> start() {
        thread.start();
        return this;
    }

    /** Current state for the admin page and health checks. */
    public SinkStatus status() {
        return status.withPending(meters.pendingCount());
    }

    private void run() {
        log.info("event=sink_started sink={} type={} topic={}", sink.name(), sink.type(), topic);
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                step();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("event=sink_stopped_on_error sink={} error={}", sink.name(), e.getClass().getName(), e);
            status = status.failed("worker stopped: " + e.getClass().getSimpleName(), clock.instant());
        } finally {
            try {
                commitDone(true);
            } catch (RuntimeException e) {
                log.warn("event=sink_final_commit_failed sink={} error={}", sink.name(), e.getClass().getName());
            }
            consumer.close(Duration.ofSeconds(5));
            sink.close();
            log.info("event=sink_stopped sink={}", sink.name());
        }
    }

    private void step() {
        Instant now = clock.instant();
        Duration timeout = IDLE_POLL;
        if (!pending.isEmpty()) {
            consumer.pause(consumer.assignment());
            Duration untilDue = Duration.between(now, pending.get(0).nextAttempt);
            timeout = untilDue.isNegative() ? Duration.ZERO : min(untilDue, BUSY_POLL);
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            readUpTo.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
            admit(r);
        }
        if (!pending.isEmpty() && !clock.instant().isBefore(pending.get(0).nextAttempt)) {
            attempt();
        }
        meters.pending(pending.size());
        commitDone(false);
    }

    private void admit(ConsumerRecord<byte[], byte[]> r) {
        T alert;
        try {
            alert = deserializer.deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            log.warn("event=sink_undecodable sink={} topic={} partition={} offset={} error={}",
                    sink.name(), r.topic(), r.partition(), r.offset(), e.getClass().getName());
            pending.add(Pending.<T>deadLetterOnly(r, "undecodable record", e.getClass().getName(), clock.instant()));
            return;
        }
        if (alert == null) {
            return;
        }
        if (!filter.test(alert)) {
            meters.filtered();
            return;
        }
        pending.add(new Pending<>(r, alert, clock.instant()));
    }

    private void attempt() {
        Instant now = clock.instant();
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> p : pending) {
            if (batch.size() == sink.maxBatch() || p.nextAttempt.isAfter(now)) {
                break;
            }
            if (p.alert == null) {
                // Undecodable: nothing to deliver, straight to the dead-letter topic.
                if (batch.isEmpty()) {
                    deadLetter(p, p.deadLetterReason, p.exceptionClass);
                    return;
                }
                break;
            }
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<T> alerts = batch.stream().map(p -> p.alert).toList();
        long start = System.nanoTime();
        try {
            DeliveryResult result = sink.deliver(alerts);
            meters.latency(Duration.ofNanos(System.nanoTime() - start));
            int ok = 0;
            for (int i = 0; i < batch.size(); i++) {
                DeliveryResult.Failure f = result.failures().get(i);
                if (f == null) {
                    pending.remove(batch.get(i));
                    ok++;
                } else {
                    failed(batch.get(i), f.reason(), f.retryable(), null, null);
                }
            }
            meters.delivered(ok);
            if (ok > 0) {
                status = status.delivered(ok, clock.instant());
            }
        } catch (SinkException e) {
            meters.latency(Duration.ofNanos(System.nanoTime() - start));
            for (Pending<T> p : batch) {
                failed(p, e.getMessage(), e.retryable(), e.retryAfter().orElse(null), e.getClass().getName());
            }
        }
    }

    private void failed(Pending<T> p, String reason, boolean retryable, Duration retryAfter, String exceptionClass) {
        p.attempts++;
        meters.failed(1, retryable);
        Instant now = clock.instant();
        status = status.failed(reason, now);
        if (!retryable || retry.exhausted(p.attempts)) {
            log.warn("event=sink_giving_up sink={} record_id={} attempts={} retryable={} reason=\"{}\"",
                    sink.name(), idOf.apply(p.alert), p.attempts, retryable, reason);
            deadLetter(p, reason, exceptionClass);
            return;
        }
        Duration delay = retry.delayAfter(p.attempts);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = min(retryAfter, retry.maxDelay());
        }
        p.nextAttempt = now.plus(delay);
        log.warn("event=sink_delivery_failed sink={} record_id={} attempts={} retry_in_ms={} reason=\"{}\"",
                sink.name(), idOf.apply(p.alert), p.attempts, delay.toMillis(), reason);
    }

    private void deadLetter(Pending<T> p, String reason, String exceptionClass) {
        try {
            deadLetters.publish(p.record, component, reason, exceptionClass, p.attempts);
            pending.remove(p);
            meters.deadLettered(1);
            status = status.deadLettered(clock.instant());
        } catch (DeadLetterPublisher.DeadLetterException e) {
            // Keep the alert: losing it is worse than retrying it; try again after a pause.
            log.error("event=dead_letter_failed sink={} error={}", sink.name(), e.getMessage());
            p.nextAttempt = clock.instant().plus(retry.maxDelay());
        }
    }

    private void commitDone(boolean force) {
        Instant now = clock.instant();
        if (!force && Duration.between(lastCommit, now).compareTo(COMMIT_INTERVAL) < 0) {
            return;
        }
        Map<TopicPartition, Long> safe = new HashMap<>(readUpTo);
        for (Pending<T> p : pending) {
            TopicPartition tp = new TopicPartition(p.record.topic(), p.record.partition());
            safe.merge(tp, p.record.offset(), Math::min);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        safe.forEach((tp, off) -> {
            if (!off.equals(committed.get(tp))) {
                offsets.put(tp, new OffsetAndMetadata(off));
            }
        });
        lastCommit = now;
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, om) -> committed.put(tp, om.offset()));
        } catch (CommitFailedException e) {
            log.warn("event=sink_commit_failed sink={} error={}", sink.name(), e.getClass().getName());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitDone(true);
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("event=sink_partitions_assigned sink={} partitions={}", sink.name(), partitions.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (Iterator<Pending<T>> it = pending.iterator(); it.hasNext(); ) {
                ConsumerRecord<byte[], byte[]> r = it.next().record;
                if (partitions.contains(new TopicPartition(r.topic(), r.partition()))) {
                    it.remove();
                }
            }
            partitions.forEach(tp -> {
                readUpTo.remove(tp);
                committed.remove(tp);
            });
        }
    }

    /** A record read but not yet delivered, filtered or dead-lettered. */
    private static final class Pending<T> {
        final ConsumerRecord<byte[], byte[]> record;
        final T alert;
        final String deadLetterReason;
        final String exceptionClass;
        int attempts;
        Instant nextAttempt;

        Pending(ConsumerRecord<byte[], byte[]> record, T alert, Instant due) {
            this(record, alert, null, null, due);
        }

        private Pending(ConsumerRecord<byte[], byte[]> record, T alert, String reason, String exceptionClass,
                        Instant due) {
            this.record = record;
            this.alert = alert;
            this.deadLetterReason = reason;
            this.exceptionClass = exceptionClass;
            this.nextAttempt = due;
        }

        static <T> Pending<T> deadLetterOnly(ConsumerRecord<byte[], byte[]> r, String reason, String exceptionClass, Instant due) {
            return new Pending<>(r, null, reason, exceptionClass, due);
        }
    }
}
