package io.agentdlp.topology;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition of a running application (state, HTTP answers) until it holds or a deadline passes. */
final class Await {
    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test after {@code max}. */
    static void until(Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
