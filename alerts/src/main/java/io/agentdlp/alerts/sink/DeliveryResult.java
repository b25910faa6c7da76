package io.agentdlp.alerts.sink;

import java.util.Map;

/**
 * Outcome of one {@link Sink#deliver} call: the batch positions that failed and why; the others were
 * accepted by the destination.
 *
 * @param failures batch position → failure; empty when everything was delivered
 */
public record DeliveryResult(Map<Integer, Failure> failures) {

    public DeliveryResult {
        failures = Map.copyOf(failures);
    }

    /** Every item delivered. */
    public static DeliveryResult ok() {
        return new DeliveryResult(Map.of());
    }

    /**
     * Why an item failed.
     *
     * @param reason    short reason without payload content, e.g. {@code status=429 type=es_rejected_execution_exception}
     * @param retryable true when trying again later may succeed
     */
    public record Failure(String reason, boolean retryable) {
    }
}
