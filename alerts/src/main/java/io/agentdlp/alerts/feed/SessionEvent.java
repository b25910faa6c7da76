package io.agentdlp.alerts.feed;

import java.time.Instant;

/**
 * Metadata of one agent event kept for session timelines: never its content, only what it was and
 * where it went.
 *
 * @param eventId     event id (alerts list the ids of their triggering events)
 * @param time        event time
 * @param kind        prompt, tool_call, model_request, file_read, ...
 * @param source      integration point (claude_hook, proxy, ...)
 * @param tool        tool name, or null
 * @param destination destination host, or null
 * @param filePath    file read or written, or null
 * @param bytes       content size in bytes, or -1 when unknown
 * @param findings    number of sensor-side findings on the event
 */
public record SessionEvent(String eventId, Instant time, String kind, String source, String tool,
                           String destination, String filePath, long bytes, int findings) {
}
