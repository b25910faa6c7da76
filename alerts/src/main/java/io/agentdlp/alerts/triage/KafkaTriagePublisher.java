package io.agentdlp.alerts.triage;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.agentdlp.avro.AlertTriage;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes triage states to dlp-alert-status (key: alert id) and waits for the broker's acknowledgement. */
public final class KafkaTriagePublisher implements TriagePublisher {
    private final Producer<String, AlertTriage> producer;
    private final String topic;

    public KafkaTriagePublisher(Producer<String, AlertTriage> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void publish(TriageState state) {
        try {
            producer.send(new ProducerRecord<>(topic, state.alertId(), TriageCodec.toAvro(state))).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TriageStorageException("interrupted while storing triage of " + state.alertId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TriageStorageException("cannot store triage of " + state.alertId() + " on " + topic + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
