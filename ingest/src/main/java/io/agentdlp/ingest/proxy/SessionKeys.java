package io.agentdlp.ingest.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which conversation a request belongs to: Claude Code's {@code x-claude-code-session-id} header,
 * Codex's {@code prompt_cache_key}, else a hash of the conversation's first two blocks (the system
 * prompt and the first user turn stay the same while a conversation grows).
 */
final class SessionKeys {
    private SessionKeys() {
    }

    static String of(String sessionHeader, JsonNode body, List<ContentBlock> blocks) {
        if (sessionHeader != null && !sessionHeader.isBlank()) {
            return sessionHeader.trim();
        }
        String cacheKey = body.path("prompt_cache_key").asText("");
        if (!cacheKey.isBlank()) {
            return cacheKey;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < Math.min(2, blocks.size()); i++) {
            prefix.append(blocks.get(i).field()).append('\u0000').append(blocks.get(i).text()).append('\u0000');
        }
        return "prefix-" + sha256(prefix.toString()).substring(0, 32);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
