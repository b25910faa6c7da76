package io.agentdlp.ingest.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's meters: requests by endpoint and status, events and bytes by endpoint, rejects by
 * reason, Kafka acknowledgement latency, bytes in flight. Tags have small fixed value sets (no
 * token names, no payload).
 */
final class GatewayMetrics {
    private final MeterRegistry registry;
    private final Timer kafkaAck;
    final AtomicLong inFlightBytes = new AtomicLong();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.kafkaAck = Timer.builder("agentdlp.gateway.kafka.ack").description("Time from send to Kafka acknowledgement of a request's events")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("agentdlp.gateway.inflight.bytes", inFlightBytes, AtomicLong::get)
                .description("Request bytes being processed").register(registry);
    }

    void request(String endpoint, int status) {
        Counter.builder("agentdlp.gateway.requests").tag("endpoint", endpoint).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    void accepted(String endpoint, int events, long bytes) {
        Counter.builder("agentdlp.gateway.events").tag("endpoint", endpoint).register(registry).increment(events);
        Counter.builder("agentdlp.gateway.bytes").tag("endpoint", endpoint).register(registry).increment(bytes);
    }

    void rejected(String reason) {
        Counter.builder("agentdlp.gateway.rejects").tag("reason", reason).register(registry).increment();
    }

    void partial(int records) {
        Counter.builder("agentdlp.gateway.otlp.rejected.records").register(registry).increment(records);
    }

    void ack(Duration d) {
        kafkaAck.record(d);
    }
}
