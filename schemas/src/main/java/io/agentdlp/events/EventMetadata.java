package io.agentdlp.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;

/**
 * What an {@link AgentEgressEvent} says about itself without its content: the readers of the events topic
 * that never look at what an agent sent (the audit trail, the console's session timelines) read this
 * instead of the whole event. It has no field for the content text, the tool input, the working
 * directory, the raw reference or the fingerprints, so a reader cannot use them by mistake, and
 * {@link EventMetadataDeserializer} never decodes them.
 *
 * @param eventId     event id
 * @param eventTime   when the agent acted
 * @param ingestTime  when the gateway received the event
 * @param source      integration point
 * @param device      developer machine
 * @param user        the person the agent acts for
 * @param agent       the coding agent
 * @param sessionId   agent session, or null
 * @param turnId      turn within the session, or null
 * @param toolUseId   tool call id, or null
 * @param kind        what happened
 * @param tool        the tool invoked, without its input, or null
 * @param destination where the event went, or null
 * @param filePath    file read or written, or null
 * @param content     the content's measures, without its text, or null
 * @param findings    sensor-side findings (redacted)
 * @param privacyMode whether the sensor ran in privacy mode
 * @param repo        repository, or null
 * @param canBlock    whether the sensor could block the action
 * @param attributes  free-form attributes
 */
public record EventMetadata(String eventId, Instant eventTime, Instant ingestTime, EventSource source, Device device, User user,
                            Agent agent, String sessionId, String turnId, String toolUseId, EventKind kind, ToolInfo tool,
                            Destination destination, String filePath, ContentInfo content, List<Finding> findings,
                            boolean privacyMode, Repo repo, boolean canBlock, Map<String, String> attributes) {

    /**
     * A tool call without its input (a command line, a file body: content).
     *
     * @param name      tool name
     * @param category  tool category
     * @param mcpServer MCP server, or null
     */
    public record ToolInfo(String name, ToolCategory category, String mcpServer) {
    }

    /**
     * The measures of an event's content, without the text.
     *
     * @param bytes            size in bytes of the original content
     * @param sha256           hex SHA-256 of the content, or null
     * @param truncated        whether the sensor truncated the text
     * @param redactedBySource whether the sensor redacted the text
     * @param field            which field of the event the content came from, or null
     */
    public record ContentInfo(long bytes, String sha256, boolean truncated, boolean redactedBySource, String field) {
    }

    /** The metadata of a decoded event. */
    public static EventMetadata of(AgentEgressEvent e) {
        Tool t = e.getTool();
        Content c = e.getContent();
        return new EventMetadata(e.getEventId(), e.getEventTime(), e.getIngestTime(), e.getSource(), e.getDevice(), e.getUser(),
                e.getAgent(), e.getSessionId(), e.getTurnId(), e.getToolUseId(), e.getKind(),
                t == null ? null : new ToolInfo(t.getName(), t.getCategory(), t.getMcpServer()), e.getDestination(), e.getFilePath(),
                c == null ? null : new ContentInfo(c.getBytes(), c.getSha256(), c.getTruncated(), c.getRedactedBySource(), c.getField()),
                e.getFindings(), e.getPrivacyMode(), e.getRepo(), e.getCanBlock(), e.getAttributes());
    }
}
