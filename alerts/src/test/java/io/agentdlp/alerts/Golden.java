package io.agentdlp.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.feed.AlertJson;

/**
 * Golden files under {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to
 * (re)write them after an intended format change, then review the diff.
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** Compares JSON structurally (key order and whitespace do not matter, every value does). */
    public static void assertJson(String file, JsonNode actual) {
        String pretty = pretty(actual);
        Path p = DIR.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            write(p, pretty);
        }
        try {
            // Re-parse the actual tree so number node types (int vs long) compare like the file's.
            JsonNode normalized = AlertJson.MAPPER.readTree(pretty);
            JsonNode expected = AlertJson.MAPPER.readTree(read(p));
            assertThat(normalized).as("golden file %s", file).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares text exactly. */
    public static void assertText(String file, String actual) {
        Path p = DIR.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            write(p, actual);
        }
        assertThat(actual).as("golden file %s", file).isEqualTo(read(p));
    }

    private static String pretty(JsonNode n) {
        try {
            return AlertJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing golden file " + p + " (run with -Dgolden.update=true once)", e);
        }
    }

    private static void write(Path p, String s) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
