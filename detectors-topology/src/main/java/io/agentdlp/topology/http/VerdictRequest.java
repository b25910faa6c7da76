package io.agentdlp.topology.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/verdict}: the text to check and what is known about where it goes.
 * Only {@code text} is required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictRequest(
        @JsonProperty("text") String text,
        @JsonProperty("destination") String destination,
        @JsonProperty("command") String command,
        @JsonProperty("tool_input") String toolInput,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("user_email") String userEmail,
        @JsonProperty("groups") List<String> groups,
        @JsonProperty("agent_name") String agentName,
        @JsonProperty("agent_version") String agentVersion,
        @JsonProperty("tool_name") String toolName,
        @JsonProperty("tool_category") String toolCategory,
        @JsonProperty("mcp_server") String mcpServer,
        @JsonProperty("repo_remote") String repoRemote,
        @JsonProperty("file_path") String filePath) {
}
