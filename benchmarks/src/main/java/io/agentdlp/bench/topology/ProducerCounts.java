package io.agentdlp.bench.topology;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the stream threads' producers sent over the whole run, per event processed: records, batches
 * (each new batch wakes the producer's network thread: an {@code eventfd} write on the stream thread)
 * and produce requests, from the producers' own metrics.
 */
record ProducerCounts(double records, double batches, double requests, double batchBytes) {

    static ProducerCounts of(KafkaStreams streams, long events) {
        double records = 0;
        double bytes = 0;
        double requests = 0;
        double batchSizeSum = 0;
        double batchSizeCount = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (!n.group().equals("producer-metrics") || !(e.getValue().metricValue() instanceof Double v)) {
                continue;
            }
            switch (n.name()) {
                case "record-send-total" -> records += v;
                case "request-total" -> requests += v;
                case "outgoing-byte-total" -> bytes += v;
                case "batch-size-avg" -> {
                    if (!v.isNaN()) {
                        batchSizeSum += v;
                        batchSizeCount++;
                    }
                }
                default -> {
                }
            }
        }
        double avgBatch = batchSizeCount == 0 ? Double.NaN : batchSizeSum / batchSizeCount;
        // batch-size-avg is over the metrics window; bytes over it give an estimate of the batch count
        return new ProducerCounts(records / events, bytes / avgBatch / events, requests / events, avgBatch);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "producers per event: %.2f records, ~%.3f batches (avg %.0f bytes), %.3f requests",
                records, batches, batchBytes, requests);
    }
}
