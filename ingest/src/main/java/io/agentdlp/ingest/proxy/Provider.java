package io.agentdlp.ingest.proxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The model APIs the proxy understands, recognised by request path. Anything else is passed
 * through untouched.
 */
public enum Provider {
    ANTHROPIC_MESSAGES("anthropic"),
    OPENAI_CHAT("openai"),
    OPENAI_RESPONSES("openai"),
    GEMINI("gemini"),
    OTHER(null);

    private static final Pattern GEMINI_PATH = Pattern.compile("^/v1(?:beta|alpha)?/(?:projects/[^/]+/locations/[^/]+/publishers/google/)?models/([^/:]+):(?:generateContent|streamGenerateContent)$");

    private final String upstreamKey;

    Provider(String upstreamKey) {
        this.upstreamKey = upstreamKey;
    }

    /** Key of the upstream this provider is sent to in {@link ProxyConfig#upstreams()} (null: by path prefix only). */
    public String upstreamKey() {
        return upstreamKey;
    }

    /** True for the request paths whose bodies are inspected. */
    public boolean inspected() {
        return this != OTHER;
    }

    /**
     * The model the request asks for, which model rules of the access policy match: Gemini names it
     * in the path ({@code /v1beta/models/gemini-2.5-pro:generateContent}), the others in the body's
     * {@code model} field. Null when the request does not say.
     */
    public String model(String apiPath, JsonNode body) {
        if (this == GEMINI) {
            Matcher m = GEMINI_PATH.matcher(apiPath);
            return m.matches() ? m.group(1) : null;
        }
        if (this == OTHER || body == null) {
            return null;
        }
        JsonNode model = body.path("model");
        return model.isTextual() && !model.textValue().isBlank() ? model.textValue() : null;
    }

    /** Recognises a request path (query string removed). */
    public static Provider of(String method, String path) {
        if (!"POST".equals(method)) {
            return OTHER;
        }
        if (path.equals("/v1/messages") || path.equals("/v1/messages/count_tokens")) {
            return ANTHROPIC_MESSAGES;
        }
        if (path.equals("/v1/chat/completions") || path.equals("/chat/completions")) {
            return OPENAI_CHAT;
        }
        if (path.equals("/v1/responses") || path.equals("/responses")) {
            return OPENAI_RESPONSES;
        }
        if (GEMINI_PATH.matcher(path).matches()) {
            return GEMINI;
        }
        return OTHER;
    }
}
