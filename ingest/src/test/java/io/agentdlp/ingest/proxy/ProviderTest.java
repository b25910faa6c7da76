package io.agentdlp.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Where each provider's request names the model that model rules of the access policy match. */
class ProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void anthropicAndOpenAiNameTheModelInTheBody() throws Exception {
        assertThat(Provider.ANTHROPIC_MESSAGES.model("/v1/messages", body("{\"model\":\"claude-sonnet-4-5\",\"messages\":[]}")))
                .isEqualTo("claude-sonnet-4-5");
        assertThat(Provider.OPENAI_CHAT.model("/v1/chat/completions", body("{\"model\":\"gpt-4.1\"}"))).isEqualTo("gpt-4.1");
        assertThat(Provider.OPENAI_RESPONSES.model("/v1/responses", body("{\"model\":\"gpt-5-codex\"}"))).isEqualTo("gpt-5-codex");
    }

    @Test
    void geminiNamesTheModelInThePathAndIgnoresTheBody() throws Exception {
        assertThat(Provider.GEMINI.model("/v1beta/models/gemini-2.5-pro:generateContent", body("{\"model\":\"spoofed\"}")))
                .isEqualTo("gemini-2.5-pro");
        assertThat(Provider.GEMINI.model(
                "/v1/projects/acme/locations/europe-west4/publishers/google/models/gemini-2.5-flash:streamGenerateContent", body("{}")))
                .isEqualTo("gemini-2.5-flash");
    }

    @Test
    void aMissingOrNonTextModelIsUnknown() throws Exception {
        assertThat(Provider.ANTHROPIC_MESSAGES.model("/v1/messages", body("{\"messages\":[]}"))).isNull();
        assertThat(Provider.OPENAI_CHAT.model("/v1/chat/completions", body("{\"model\":42}"))).isNull();
        assertThat(Provider.OPENAI_CHAT.model("/v1/chat/completions", body("{\"model\":\" \"}"))).isNull();
        assertThat(Provider.OTHER.model("/v1/models", body("{\"model\":\"gpt-4.1\"}"))).isNull();
    }
}
