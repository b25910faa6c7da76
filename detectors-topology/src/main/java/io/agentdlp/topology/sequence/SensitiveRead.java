package io.agentdlp.topology.sequence;

/**
 * A sensitive file read remembered for a session.
 *
 * @param time event time of the read (epoch ms)
 * @param path the file path as the event named it
 */
public record SensitiveRead(long time, String path) {
}
