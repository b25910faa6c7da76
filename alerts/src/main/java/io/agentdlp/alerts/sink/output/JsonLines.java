package io.agentdlp.alerts.sink.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.feed.AlertJson;

/** Newline-delimited JSON of a batch. */
final class JsonLines {
    private JsonLines() {
    }

    static <T> byte[] of(List<T> batch, Function<? super T, ? extends JsonNode> mapper) {
        StringBuilder sb = new StringBuilder();
        for (T a : batch) {
            sb.append(write(mapper.apply(a))).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String write(JsonNode n) {
        try {
            return AlertJson.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
