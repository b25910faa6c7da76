package io.agentdlp.ingest.sensor;

import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.HookAgent;

/**
 * The JSON each agent expects on a hook's stdout (or HTTP body) to allow, warn about or deny an
 * action, per the agents' documented hook outputs. Allowing answers carry no permission opinion, so
 * the agent's own permission prompts still apply. {@code ask} is answered only where the agent has a
 * confirm decision ({@link #askSupported}); elsewhere the decider already turned it into the
 * configured fallback.
 */
public final class HookAnswers {
    private HookAnswers() {
    }

    /**
     * Whether this hook's answer can ask the user to confirm: Claude Code's PreToolUse
     * ({@code permissionDecision: "ask"}) and PermissionRequest (no opinion: its own dialog asks), and
     * Cursor's shell, MCP and tool hooks ({@code permission: "ask"}). Codex, Gemini CLI and Copilot
     * document only allow/deny, Cursor's beforeReadFile and beforeSubmitPrompt neither.
     */
    public static boolean askSupported(HookAgent agent, String eventName) {
        return switch (agent) {
            case CLAUDE_CODE -> "PreToolUse".equals(eventName) || "PermissionRequest".equals(eventName);
            case CURSOR -> "beforeShellExecution".equals(eventName) || "beforeMCPExecution".equals(eventName)
                    || "preToolUse".equals(eventName);
            case CODEX, GEMINI, COPILOT -> false;
        };
    }

    public static String answer(HookAgent agent, String eventName, Decision d) {
        return switch (agent) {
            case CLAUDE_CODE, CODEX -> claudeStyle(eventName, d);
            case COPILOT -> eventName != null && !eventName.isEmpty() && Character.isUpperCase(eventName.charAt(0))
                    ? claudeStyle(eventName, d) : copilot(d);
            case GEMINI -> gemini(d);
            case CURSOR -> cursor(eventName, d);
        };
    }

    private static String claudeStyle(String event, Decision d) {
        String r = q(d.reason());
        if (d.verdict() == Decision.Verdict.ALLOW) {
            return "{}";
        }
        if (d.verdict() == Decision.Verdict.WARN) {
            return "{\"systemMessage\":\"" + r + "\"}";
        }
        if (d.verdict() == Decision.Verdict.ASK) {
            return "PreToolUse".equals(event)
                    ? "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\","
                            + "\"permissionDecisionReason\":\"" + r + "\"},\"systemMessage\":\"" + r + "\"}"
                    : "{\"systemMessage\":\"" + r + "\"}";
        }
        return switch (event) {
            case "PreToolUse" -> "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                    + "\"permissionDecisionReason\":\"" + r + "\"},\"systemMessage\":\"" + r + "\"}";
            case "PermissionRequest" -> "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\","
                    + "\"decision\":{\"behavior\":\"deny\",\"message\":\"" + r + "\"}},\"systemMessage\":\"" + r + "\"}";
            default -> "{\"decision\":\"block\",\"reason\":\"" + r + "\"}";
        };
    }

    private static String copilot(Decision d) {
        if (d.verdict() == Decision.Verdict.DENY) {
            return "{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"" + q(d.reason()) + "\"}";
        }
        return "{}";
    }

    private static String gemini(Decision d) {
        return switch (d.verdict()) {
            case DENY -> "{\"decision\":\"deny\",\"reason\":\"" + q(d.reason()) + "\",\"systemMessage\":\"" + q(d.reason()) + "\"}";
            case WARN, ASK -> "{\"systemMessage\":\"" + q(d.reason()) + "\"}";
            case ALLOW -> "{}";
        };
    }

    private static String cursor(String event, Decision d) {
        String r = q(d.reason());
        if ("beforeSubmitPrompt".equals(event)) {
            return switch (d.verdict()) {
                case DENY -> "{\"continue\":false,\"user_message\":\"" + r + "\"}";
                case WARN, ASK -> "{\"continue\":true,\"user_message\":\"" + r + "\"}";
                case ALLOW -> "{\"continue\":true}";
            };
        }
        if ("beforeReadFile".equals(event)) {
            return d.verdict() == Decision.Verdict.DENY ? "{\"permission\":\"deny\"}" : "{}";
        }
        return switch (d.verdict()) {
            case DENY -> "{\"permission\":\"deny\",\"user_message\":\"" + r + "\",\"agent_message\":\"" + r + "\"}";
            case ASK -> "{\"permission\":\"ask\",\"user_message\":\"" + r + "\",\"agent_message\":\"" + r + "\"}";
            case WARN -> "{\"user_message\":\"" + r + "\"}";
            case ALLOW -> "{}";
        };
    }

    private static String q(String s) {
        return Responses.quote(s);
    }
}
