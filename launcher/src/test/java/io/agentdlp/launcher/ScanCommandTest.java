package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.detection.secret.SecretValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANDOM = "Zq3LmX8vT2nB7kR1pW9sY4cD6fH0jA";
    private static final String GITHUB_TOKEN = "ghp_" + RANDOM + SecretValidator.crc32Base62(RANDOM);
    private static final String STRIPE_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Fh2Kq";

    @TempDir
    Path tmp;
    Path repo;
    Path keyFile;

    @BeforeEach
    void repo() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        keyFile = tmp.resolve("keys").resolve("hash.key");
        Files.createDirectories(repo.resolve("config"));
        Files.writeString(repo.resolve("config/app.env"), "# settings\nLOG=info\nGITHUB_TOKEN=" + GITHUB_TOKEN + "\n");
        Files.writeString(repo.resolve("README.md"), "# demo\nNothing secret here, see AKIAIOSFODNN7EXAMPLE.\n");
        Files.write(repo.resolve("logo.bin"), ("PNG\0\0" + STRIPE_KEY).getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "token = " + STRIPE_KEY + "\n");
        Files.writeString(repo.resolve("z-unicode.txt"), "héllo wörld ✓\nstripe = '" + STRIPE_KEY + "'\n");
    }

    @Test
    void jsonlReportsEveryFindingWithTheRequiredFieldsAndExitsOne() throws IOException {
        Run r = run(null, "--format", "jsonl", repo.toString());
        assertThat(r.exit).isEqualTo(1);
        List<JsonNode> lines = jsonLines(r.out);
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.get("path").asText()).isEqualTo(Path.of("config", "app.env").toString());
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("column").asInt()).isEqualTo(14);
        assertThat(first.get("detector").asText()).isEqualTo("secret");
        assertThat(first.get("rule").asText()).isEqualTo("github-pat-classic");
        assertThat(first.get("severity").asText()).isEqualTo("critical");
        assertThat(first.get("preview").asText()).startsWith("ghp_").endsWith("********");
        assertThat(first.get("hash").asText()).hasSize(64);
        assertThat(first.get("root").asText()).isEqualTo(repo.toString());
        JsonNode second = lines.get(1);
        assertThat(second.get("path").asText()).isEqualTo("z-unicode.txt");
        assertThat(second.get("line").asInt()).isEqualTo(2);
        assertThat(second.get("offset").asLong()).isEqualTo("héllo wörld ✓\nstripe = '".length());
        assertThat(second.get("byteOffset").asLong()).isEqualTo("héllo wörld ✓\nstripe = '".getBytes(StandardCharsets.UTF_8).length);
        assertThat(r.out).doesNotContain(GITHUB_TOKEN).doesNotContain(STRIPE_KEY);
        assertThat(r.err).contains("2 finding(s)").contains("1 binary skipped");
    }

    @Test
    void stdinIsScannedAndTheSameSecretHashesTheSameAcrossRuns() throws IOException {
        Run file = run(null, "--format", "jsonl", repo.resolve("config/app.env").toString());
        Run stdin = run("{\"prompt\":\"use token " + GITHUB_TOKEN + " please\"}", "--format", "jsonl", "-");
        assertThat(stdin.exit).isEqualTo(1);
        JsonNode a = jsonLines(file.out).get(0);
        JsonNode b = jsonLines(stdin.out).get(0);
        assertThat(a.get("path").asText()).isEqualTo(repo.resolve("config/app.env").toString());
        assertThat(b.get("path").asText()).isEqualTo("-");
        assertThat(b.get("hash").asText()).isEqualTo(a.get("hash").asText());
        assertThat(Files.readString(keyFile).strip()).hasSize(64);
        if (Files.getFileAttributeView(keyFile, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void cleanInputExitsZeroAndTextFormatIsOneLinePerFinding() throws IOException {
        assertThat(run(null, repo.resolve("README.md").toString()).exit).isEqualTo(0);
        Run text = run(null, repo.resolve("config/app.env").toString());
        assertThat(text.out.strip()).matches(".*app\\.env:3:14: CRITICAL secret/github-pat-classic ghp_\\*{8} \\(hash [0-9a-f]{12}\\)");
    }

    @Test
    void sarifIsAValidLogWithRulesResultsAndBaseIds() throws IOException {
        Run r = run(null, "--format", "sarif", repo.toString());
        assertThat(r.exit).isEqualTo(1);
        JsonNode log = JSON.readTree(r.out);
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("agentdlp");
        assertThat(run.at("/tool/driver/rules")).hasSize(2);
        assertThat(run.at("/tool/driver/rules/0/shortDescription/text").asText()).isEqualTo("GitHub personal access token (classic)");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("github-pat-classic");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("config/app.env");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("ROOT0");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(run.at("/originalUriBaseIds/ROOT0/uri").asText()).startsWith("file:").endsWith("/repo/");
        assertThat(result.at("/partialFingerprints/agentdlpKeyedHash~1v1").asText()).hasSize(64);
    }

    @Test
    void invalidRuleFileIsAnErrorNamingFileRuleAndLine() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "version: 1\nrules:\n  - id: mine\n    severity: high\n    keywords: [m]\n    pattern: 'm(['\n");
        Run r = run(null, "--rules", rules.toString(), repo.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains(rules + ":3: rule 'mine': invalid pattern regex");
    }

    @Test
    void userRulesApplyAndMissingPathsAreErrors() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "version: 1\nrules:\n  - id: demo-marker\n    severity: low\n    keywords: [marker-]\n    pattern: '\\b(marker-[0-9]{6})\\b'\n");
        Path f = Files.writeString(tmp.resolve("notes.txt"), "see marker-123456\n");
        Run r = run(null, "--format", "jsonl", "--rules", rules.toString(), f.toString());
        assertThat(jsonLines(r.out)).extracting(n -> n.get("rule").asText()).containsExactly("demo-marker");
        Run missing = run(null, tmp.resolve("nope").toString());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).contains("no such file or directory");
    }

    @Test
    void inputsAboveMaxSizeAreScannedUpToItAndFlagged() throws IOException {
        Path big = Files.writeString(tmp.resolve("big.log"), "t=" + GITHUB_TOKEN + "\n" + "x".repeat(5000) + "\nk=" + STRIPE_KEY + "\n");
        Run r = run(null, "--format", "jsonl", "--max-size", "1KB", big.toString());
        List<JsonNode> lines = jsonLines(r.out);
        assertThat(lines).extracting(n -> n.get("rule").asText()).containsExactly("github-pat-classic");
        assertThat(lines.get(0).get("truncated").asBoolean()).isTrue();
        assertThat(r.err).contains("1 truncated");
        assertThat(ScanCommand.parseSize("16MB")).isEqualTo(16L << 20);
    }

    private Run run(String stdin, String... args) {
        ScanCommand cmd = new ScanCommand();
        cmd.environment = Map.of(io.agentdlp.launcher.scan.HashKeys.ENV_KEY_FILE, keyFile.toString());
        if (stdin != null) {
            cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                lines.add(JSON.readTree(l));
            }
        }
        return lines;
    }

    private record Run(int exit, String out, String err) {
    }
}
