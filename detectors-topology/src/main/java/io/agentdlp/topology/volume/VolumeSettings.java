package io.agentdlp.topology.volume;

import java.time.Duration;

/**
 * Parameters of the volume detector.
 *
 * @param window      tumbling window size
 * @param grace       how far behind stream time an event may be and still count
 * @param alpha       EWMA weight of the newest window
 * @param zscore      alert threshold in standard deviations (a policy threshold {@code volume.zscore} overrides)
 * @param floorBytes  windows below this many bytes never alert on bytes
 * @param floorEvents windows below this many events never alert on events
 * @param minHistory  closed windows needed before an entity can alert
 * @param stateTtl    idle entities are removed after this long (stream time)
 * @param cleanup     wall-clock period of the cleanup punctuation
 */
public record VolumeSettings(Duration window, Duration grace, double alpha, double zscore, long floorBytes,
                             long floorEvents, int minHistory, Duration stateTtl, Duration cleanup) {
}
