package io.agentdlp.topology.policy;

import java.util.List;
import io.agentdlp.detection.shell.Endpoint;

/**
 * The subject and resource of one egress, as policy rules see it.
 *
 * @param userId           user id (may be null)
 * @param userEmail        user e-mail (may be null)
 * @param groups           teams / directory groups of the user
 * @param deviceId         device id
 * @param agentName        agent name, e.g. claude-code
 * @param agentVersion     agent version (may be null)
 * @param toolName         tool name (may be null)
 * @param toolCategory     normalised tool category, e.g. shell (may be null)
 * @param mcpServer        MCP server for MCP tools (may be null)
 * @param endpoint         the destination
 * @param model            model the agent uses or asks for, e.g. claude-sonnet-4-5 (may be null)
 * @param repoRemote       repository remote (may be null)
 * @param filePath         file involved (may be null)
 * @param contentBytes     size of the content sent
 * @param sensitiveContent true when the content carries secrets or own code
 */
public record EgressRequest(String userId, String userEmail, List<String> groups, String deviceId, String agentName,
                            String agentVersion, String toolName, String toolCategory, String mcpServer,
                            Endpoint endpoint, String model, String repoRemote, String filePath, long contentBytes,
                            boolean sensitiveContent) {
    public EgressRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public EgressRequest withSensitiveContent(boolean sensitive) {
        return new EgressRequest(userId, userEmail, groups, deviceId, agentName, agentVersion, toolName, toolCategory,
                mcpServer, endpoint, model, repoRemote, filePath, contentBytes, sensitive);
    }
}
