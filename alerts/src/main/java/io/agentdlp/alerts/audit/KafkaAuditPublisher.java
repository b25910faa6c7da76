package io.agentdlp.alerts.audit;

import java.util.function.Consumer;

import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.avro.AuditEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends audit events to dlp-audit keyed by actor without blocking the request; a failed send is
 * logged (without content) and counted, the action itself already happened.
 */
public final class KafkaAuditPublisher implements Consumer<AuditEvent> {
    private static final Logger log = LoggerFactory.getLogger(KafkaAuditPublisher.class);
    private final Producer<String, AuditEvent> producer;
    private final String topic;
    private final AlertsMetrics metrics;

    public KafkaAuditPublisher(Producer<String, AuditEvent> producer, String topic, AlertsMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.metrics = metrics;
    }

    @Override
    public void accept(AuditEvent e) {
        producer.send(new ProducerRecord<>(topic, e.getActor(), e), (md, ex) -> {
            if (ex != null) {
                log.error("event=audit_publish_failed action={} actor={} error={}", e.getAction(), e.getActor(),
                        ex.getClass().getName());
                metrics.auditFailed();
            }
        });
    }
}
