package io.agentdlp.detection.policy;

import java.util.List;

/**
 * The action to decide on, as the sensor, proxy or topology sees it. Null fields are unknown; a
 * rule that constrains an unknown field does not match.
 *
 * @param userId           user id (from the sensor install, not from the agent)
 * @param userEmail        e-mail when known
 * @param groups           teams / directory groups of the user
 * @param deviceId         device id
 * @param agentName        e.g. claude-code
 * @param agentVersion     e.g. 2.1.240
 * @param toolName         e.g. Bash, mcp__github__create_issue
 * @param toolCategory     shell, file_read, file_write, web, mcp, agent, other
 * @param mcpServer        MCP server name for MCP tools
 * @param destinationHost  network destination host
 * @param destinationUrl   network destination URL
 * @param model            model the request asks the provider for, e.g. claude-sonnet-4-5 (null when not a model call or unknown)
 * @param repoRemote       git remote of the working repository
 * @param filePath         file read or written
 * @param contentBytes     size of the content the action carries (0 when none)
 * @param sensitiveContent true when detectors found secrets or own code in the content
 */
public record PolicyRequest(String userId, String userEmail, List<String> groups, String deviceId,
                            String agentName, String agentVersion, String toolName, String toolCategory,
                            String mcpServer, String destinationHost, String destinationUrl, String model, String repoRemote,
                            String filePath, long contentBytes, boolean sensitiveContent) {
    public PolicyRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
