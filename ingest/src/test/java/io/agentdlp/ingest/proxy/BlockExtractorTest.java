package io.agentdlp.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The request shapes of section 5 of the agent telemetry formats document. */
class BlockExtractorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ContentBlock> blocks(Provider p, String json) throws Exception {
        return BlockExtractor.of(p).blocks(JSON.readTree(json));
    }

    @Test
    void anthropicToolUseToolResultAndDocuments() throws Exception {
        List<ContentBlock> b = blocks(Provider.ANTHROPIC_MESSAGES, """
                {"model":"claude","system":"be brief","messages":[
                  {"role":"user","content":"read the env file"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"..."},{"type":"tool_use","id":"toolu_1","name":"Read","input":{"file_path":"/app/.env"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"     1\\tDB_PASSWORD=hunter2"}]},
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBOR"}},
                    {"type":"document","source":{"type":"text","media_type":"text/plain","data":"contract text"}}]}]}
                """);
        assertThat(b).extracting(ContentBlock::field, ContentBlock::text, ContentBlock::toolUseId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system", "be brief", null),
                org.assertj.core.groups.Tuple.tuple("messages[0].content", "read the env file", null),
                org.assertj.core.groups.Tuple.tuple("messages[1].content[1].tool_use", "{\"file_path\":\"/app/.env\"}", "toolu_1"),
                org.assertj.core.groups.Tuple.tuple("messages[2].content[0].tool_result[0]", "     1\tDB_PASSWORD=hunter2", "toolu_1"),
                org.assertj.core.groups.Tuple.tuple("messages[2].content[2].document", "contract text", null));
    }

    @Test
    void openAiChatContentPartsToolCallsAndToolMessages() throws Exception {
        List<ContentBlock> b = blocks(Provider.OPENAI_CHAT, """
                {"model":"gpt","messages":[{"role":"system","content":"sys"},
                  {"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"https://x"}}]},
                  {"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"shell","arguments":"{\\"cmd\\":\\"ls\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"a.txt"}]}
                """);
        assertThat(b).extracting(ContentBlock::field).containsExactly("messages[0].content", "messages[1].content[0]",
                "messages[2].tool_calls[0].function.arguments", "messages[3].content");
        assertThat(b.get(2).text()).isEqualTo("{\"cmd\":\"ls\"}");
        assertThat(b.get(3).toolUseId()).isEqualTo("call_1");
    }

    @Test
    void openAiResponsesItems() throws Exception {
        List<ContentBlock> b = blocks(Provider.OPENAI_RESPONSES, """
                {"model":"gpt-5-codex","instructions":"you are codex","prompt_cache_key":"thread-1","input":[
                  {"type":"message","role":"user","content":[{"type":"input_text","text":"fix it"}]},
                  {"type":"reasoning","summary":[],"encrypted_content":"gAAAA"},
                  {"type":"function_call","call_id":"c1","name":"shell","arguments":"{\\"command\\":[\\"cat\\",\\"x\\"]}"},
                  {"type":"function_call_output","call_id":"c1","output":"file body"}]}
                """);
        assertThat(b).extracting(ContentBlock::field).containsExactly("instructions", "input[0].content[0]", "input[2].arguments",
                "input[3].output");
        assertThat(SessionKeys.of(null, JSON.readTree("{\"prompt_cache_key\":\"thread-1\"}"), b)).isEqualTo("thread-1");
    }

    @Test
    void geminiPartsFunctionCallsAndResponses() throws Exception {
        List<ContentBlock> b = blocks(Provider.GEMINI, """
                {"systemInstruction":{"parts":[{"text":"sys"}]},"contents":[
                  {"role":"user","parts":[{"text":"hello"}]},
                  {"role":"model","parts":[{"functionCall":{"name":"read_file","args":{"file_path":"a"}}}]},
                  {"role":"user","parts":[{"functionResponse":{"name":"read_file","response":{"output":"content"}}}]}]}
                """);
        assertThat(b).extracting(ContentBlock::field).containsExactly("systemInstruction.parts[0].text", "contents[0].parts[0].text",
                "contents[1].parts[0].functionCall.args", "contents[2].parts[0].functionResponse");
    }

    @Test
    void pathsAreRecognised() {
        assertThat(Provider.of("POST", "/v1/messages")).isEqualTo(Provider.ANTHROPIC_MESSAGES);
        assertThat(Provider.of("POST", "/v1/messages/count_tokens")).isEqualTo(Provider.ANTHROPIC_MESSAGES);
        assertThat(Provider.of("POST", "/v1/responses")).isEqualTo(Provider.OPENAI_RESPONSES);
        assertThat(Provider.of("POST", "/v1beta/models/gemini-2.5-pro:streamGenerateContent")).isEqualTo(Provider.GEMINI);
        assertThat(Provider.of("GET", "/v1/messages")).isEqualTo(Provider.OTHER);
        assertThat(Provider.of("POST", "/v1/files")).isEqualTo(Provider.OTHER);
    }
}
