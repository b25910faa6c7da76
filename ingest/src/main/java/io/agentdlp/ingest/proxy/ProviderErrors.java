package io.agentdlp.ingest.proxy;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers the proxy gives itself (a block, a malformed body, an unreachable upstream) in the
 * provider's own error format, so the agent shows the reason to the developer instead of a generic
 * network failure.
 */
final class ProviderErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderErrors() {
    }

    /** HTTP status of a block: the providers' "permission denied". */
    static final int BLOCKED = 403;

    static byte[] body(Provider provider, int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        switch (provider) {
            case ANTHROPIC_MESSAGES -> {
                root.put("type", "error");
                root.putObject("error").put("type", anthropicType(status)).put("message", message);
            }
            case GEMINI -> root.putObject("error").put("code", status).put("message", message).put("status", googleStatus(status));
            default -> root.putObject("error").put("message", message).put("type", openAiType(status))
                    .putNull("param").put("code", status == BLOCKED ? "agentdlp_blocked" : null);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String anthropicType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 403 -> "permission_error";
            case 413 -> "request_too_large";
            default -> "api_error";
        };
    }

    private static String openAiType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 403 -> "permission_denied";
            default -> "server_error";
        };
    }

    private static String googleStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 403 -> "PERMISSION_DENIED";
            default -> "UNAVAILABLE";
        };
    }
}
