package io.agentdlp.detection.secret.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.agentdlp.detection.secret.SecretValidator;

/**
 * Generates labelled, agent-like payloads for measuring detection quality and speed: LLM API request
 * bodies with code, {@code .env} dumps, {@code env} output, git diffs, YAML configs, CI logs, hook payloads
 * with line-numbered tool output and base64-wrapped blobs. Credentials are planted with their own
 * generators (not taken from the rule examples) and every sample also carries hard negatives: hashes,
 * UUIDs, lockfile integrity strings, digests, documentation placeholders, checksum-invalid tokens and
 * secret-looking names bound to non-secret values. Deterministic for a seed.
 */
public final class AgentTrafficCorpus {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String B64 = ALNUM + "+/";
    private static final String URL = ALNUM + "-_";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String[] SHAPES = {"llm-request", "env-dump", "env-output", "git-diff", "yaml-config", "ci-log",
            "hook-read-output", "base64-blob", "source-code"};

    private final Random rnd;

    public AgentTrafficCorpus(long seed) {
        this.rnd = new Random(seed);
    }

    /** {@code count} samples; about one in four carries no secret at all (only hard negatives). */
    public List<LabeledSample> generate(int count) {
        List<LabeledSample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(SHAPES[i % SHAPES.length], rnd.nextInt(4) != 0));
        }
        return out;
    }

    /** Concatenated sample texts up to about {@code chars} chars (benchmark input). */
    public String traffic(int chars, boolean withSecrets) {
        StringBuilder sb = new StringBuilder(chars + 4096);
        int i = 0;
        while (sb.length() < chars) {
            sb.append(sample(SHAPES[i++ % SHAPES.length], withSecrets && rnd.nextInt(4) == 0).text()).append('\n');
        }
        sb.setLength(chars);
        return sb.toString();
    }

    private LabeledSample sample(String shape, boolean withSecret) {
        List<PlantedSecret> planted = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int n = 2 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            lines.add(negative());
        }
        if (withSecret) {
            int secrets = 1 + rnd.nextInt(2);
            for (int i = 0; i < secrets; i++) {
                lines.add(rnd.nextInt(lines.size() + 1), plant(planted));
            }
        }
        String body = String.join("\n", lines);
        String text = switch (shape) {
            case "llm-request" -> llmRequest(body);
            case "env-dump" -> body;
            case "env-output" -> "$ env\nPATH=/usr/local/bin:/usr/bin:/bin\nHOME=/home/dev\nPWD=/home/dev/app\nSHELL=/bin/zsh\n" + body;
            case "git-diff" -> gitDiff(body);
            case "yaml-config" -> yaml(body);
            case "ci-log" -> ciLog(body);
            case "hook-read-output" -> hookRead(body);
            case "base64-blob" -> "apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  settings: "
                    + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\n";
            default -> sourceCode(body);
        };
        return new LabeledSample(shape, text, planted);
    }

    // ---- planted credentials: one line each, the label is the secret text a finding must hash to ----

    private String plant(List<PlantedSecret> planted) {
        int k = rnd.nextInt(24);
        switch (k) {
            case 0 -> {
                String id = "AKIA" + r(B32, 16);
                String secret = r(B64, 40);
                planted.add(new PlantedSecret("cloud", "aws-key-id", id));
                planted.add(new PlantedSecret("cloud", "aws-secret", secret));
                return "[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + secret;
            }
            case 1 -> {
                return label(planted, "cloud", "gcp-api-key", "AIza" + r(URL, 35), v -> "GOOGLE_API_KEY=" + v);
            }
            case 2 -> {
                String random = r(ALNUM, 30);
                return label(planted, "vcs", "github-pat", "ghp_" + random + SecretValidator.crc32Base62(random),
                        v -> "git remote set-url origin https://x-access-token:" + v + "@github.com/acme/api.git");
            }
            case 3 -> {
                return label(planted, "vcs", "gitlab-pat", "glpat-" + r(URL, 20), v -> "GITLAB_TOKEN=" + v);
            }
            case 4 -> {
                return label(planted, "ai", "openai-key", "sk-proj-" + r(URL, 74) + "T3BlbkFJ" + r(URL, 74), v -> "client = OpenAI(api_key=\"" + v + "\")");
            }
            case 5 -> {
                return label(planted, "ai", "anthropic-key", "sk-ant-api03-" + r(URL, 93) + "AA", v -> "ANTHROPIC_API_KEY=" + v);
            }
            case 6 -> {
                return label(planted, "ai", "huggingface", "hf_" + r(ALNUM.substring(0, 52), 34), v -> "login(token=\"" + v + "\")");
            }
            case 7 -> {
                return label(planted, "chat", "slack-bot", "xoxb-" + r("0123456789", 12) + "-" + r("0123456789", 13) + "-" + r(ALNUM, 24),
                        v -> "SLACK_BOT_TOKEN=" + v);
            }
            case 8 -> {
                return label(planted, "chat", "slack-webhook", "https://hooks.slack.com/services/T" + r(B32, 8) + "/B" + r(B32, 10) + "/" + r(ALNUM, 24),
                        v -> "curl -X POST -d @msg.json " + v);
            }
            case 9 -> {
                return label(planted, "payments", "stripe-live", "sk_live_" + r(ALNUM, 24 + rnd.nextInt(70)), v -> "stripe.api_key = '" + v + "'");
            }
            case 10 -> {
                return label(planted, "messaging", "sendgrid", "SG." + r(URL, 22) + "." + r(URL, 43), v -> "SENDGRID_API_KEY=" + v);
            }
            case 11 -> {
                String random = r(ALNUM, 30);
                return label(planted, "registry", "npm-token", "npm_" + random + SecretValidator.crc32Base62(random),
                        v -> "//registry.npmjs.org/:_authToken=" + v);
            }
            case 12 -> {
                return label(planted, "observability", "datadog", r(HEX, 32), v -> "DD_API_KEY=" + v);
            }
            case 13 -> {
                return label(planted, "infra", "vault", "hvs." + r(URL, 24 + rnd.nextInt(60)), v -> "export VAULT_TOKEN=" + v);
            }
            case 14 -> {
                return label(planted, "infra", "databricks", "dapi" + r(HEX, 32), v -> "token = \"" + v + "\"");
            }
            case 15 -> {
                return label(planted, "private-key", "rsa-pem", pem(rnd.nextBoolean() ? "RSA PRIVATE KEY" : "OPENSSH PRIVATE KEY"), v -> v);
            }
            case 16 -> {
                return label(planted, "jwt", "jwt", jwt(), v -> "Authorization: Bearer " + v);
            }
            case 17 -> {
                String scheme = rnd.nextBoolean() ? "postgresql" : "mongodb+srv";
                return label(planted, "connection-string", "db-url", r(ALNUM, 10 + rnd.nextInt(10)),
                        v -> "DATABASE_URL=" + scheme + "://app:" + v + "@db-" + r(HEX, 4) + ".acme.internal:5432/orders");
            }
            case 18 -> {
                return label(planted, "config-file", "netrc", r(URL, 20 + rnd.nextInt(20)), v -> "machine api.acme.io\n  login ci@acme.io\n  password " + v);
            }
            case 19 -> {
                String auth = Base64.getEncoder().encodeToString(("robot$deploy:" + r(ALNUM, 24)).getBytes(StandardCharsets.UTF_8));
                return label(planted, "config-file", "docker-auth", auth, v -> "{\"auths\": {\"registry.acme.io\": {\"auth\": \"" + v + "\"}}}");
            }
            case 20 -> {
                return label(planted, "generic", "password", r(ALNUM.substring(0, 52), 1) + r(ALNUM + "!#%^*_-+", 9 + rnd.nextInt(12)),
                        v -> "DB_PASSWORD=" + v);
            }
            case 21 -> {
                return label(planted, "generic", "api-key", r(ALNUM, 32), v -> "WEATHER_API_KEY=\"" + v + "\"");
            }
            case 22 -> {
                return label(planted, "chat", "telegram", r("123456789", 1) + r("0123456789", 9) + ":AA" + r(URL, 33), v -> "bot = Bot(token='" + v + "')");
            }
            default -> {
                return label(planted, "messaging", "twilio", r(HEX, 32), v -> "TWILIO_AUTH_TOKEN=" + v);
            }
        }
    }

    private static String label(List<PlantedSecret> planted, String family, String kind, String value, Function<String, String> line) {
        planted.add(new PlantedSecret(family, kind, value));
        return line.apply(value);
    }

    // ---- hard negatives ----

    private String negative() {
        return switch (rnd.nextInt(22)) {
            case 0 -> "commit " + r(HEX, 40);
            case 1 -> "sha256sum: " + r(HEX, 64) + "  dist/app.tar.gz";
            case 2 -> "request_id=" + uuid();
            case 3 -> "\"integrity\": \"sha512-" + r(B64, 86) + "==\"";
            case 4 -> "image: ghcr.io/acme/api@sha256:" + r(HEX, 64);
            case 5 -> "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE";
            case 6 -> "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
            case 7 -> "OPENAI_API_KEY=<YOUR_OPENAI_KEY>";
            case 8 -> "api_key: ${API_KEY}";
            case 9 -> "password: changeme";
            case 10 -> "token = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"";
            case 11 -> {
                String random = r(ALNUM, 30);
                String sum = SecretValidator.crc32Base62(random);
                yield "example: ghp_" + random + sum.substring(0, 5) + (sum.charAt(5) == 'z' ? 'y' : 'z');
            }
            case 12 -> "\"max_tokens\": " + (256 + rnd.nextInt(8000)) + ", \"temperature\": 0.2";
            case 13 -> "password = os.environ[\"DB_PASSWORD\"]";
            case 14 -> "secret_name: " + r("abcdefghijklmnopqrstuvwxyz", 8) + "-credentials";
            case 15 -> "const apiKey = process.env.API_KEY;";
            case 16 -> "https://docs.acme.io/v2/" + r("abcdefghijklmnopqrstuvwxyz", 6) + "?page=" + rnd.nextInt(9);
            case 17 -> "logo.png: " + Base64.getEncoder().encodeToString(bytes(60));
            case 18 -> "tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")";
            case 19 -> "  resolved \"https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#" + r(HEX, 40) + "\"";
            case 20 -> "session " + uuid() + " started in " + rnd.nextInt(900) + " ms";
            default -> "def compute_" + r("abcdefghijklmnopqrstuvwxyz", 6) + "(x):\n    return x * " + rnd.nextInt(100);
        };
    }

    // ---- payload shapes ----

    private String llmRequest(String body) {
        String content = "Please fix the bug in this file:\n```\n" + body + "\n```\nThanks!";
        return "{\"model\":\"claude-sonnet-4\",\"max_tokens\":4096,\"messages\":[{\"role\":\"user\",\"content\":" + jsonString(content) + "}]}";
    }

    private String gitDiff(String body) {
        StringBuilder sb = new StringBuilder("diff --git a/config/app.env b/config/app.env\nindex " + r(HEX, 7) + ".." + r(HEX, 7)
                + " 100644\n--- a/config/app.env\n+++ b/config/app.env\n@@ -1,3 +1,8 @@\n LOG_LEVEL=info\n-FEATURE_X=false\n");
        for (String l : body.split("\n", -1)) {
            sb.append('+').append(l).append('\n');
        }
        return sb.toString();
    }

    private String yaml(String body) {
        StringBuilder sb = new StringBuilder("service:\n  name: orders\n  replicas: 3\nconfig: |\n");
        for (String l : body.split("\n", -1)) {
            sb.append("  ").append(l).append('\n');
        }
        return sb.toString();
    }

    private String ciLog(String body) {
        StringBuilder sb = new StringBuilder();
        int t = 0;
        for (String l : body.split("\n", -1)) {
            sb.append("2025-03-0").append(1 + rnd.nextInt(8)).append("T10:1").append(t++ % 10).append(":00.000Z ").append(l).append('\n');
        }
        return sb.append("##[group]Run npm test\nTests: 214 passed, 214 total\n").toString();
    }

    private String hookRead(String body) {
        StringBuilder numbered = new StringBuilder();
        int i = 1;
        for (String l : body.split("\n", -1)) {
            numbered.append(String.format("%6d\t%s%n", i++, l));
        }
        return "{\"session_id\":\"" + uuid() + "\",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Read\",\"tool_input\":{\"file_path\":\"/home/dev/app/.env\"},"
                + "\"tool_response\":{\"type\":\"text\",\"file\":{\"content\":" + jsonString(numbered.toString()) + "}}}";
    }

    private String sourceCode(String body) {
        return "import os\nimport requests\n\n# settings copied from the wiki\n" + body + "\n\ndef main():\n    requests.get(\"https://api.acme.io/v1/status\", timeout=5)\n";
    }

    // ---- value generators ----

    private String r(String alphabet, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private String uuid() {
        return r(HEX, 8) + "-" + r(HEX, 4) + "-4" + r(HEX, 3) + "-a" + r(HEX, 3) + "-" + r(HEX, 12);
    }

    private String jwt() {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = enc.encodeToString(("{\"sub\":\"" + uuid() + "\",\"iat\":" + (1700000000 + rnd.nextInt(9999999)) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + enc.encodeToString(bytes(64));
    }

    private String pem(String label) {
        byte[] der = bytes(600 + rnd.nextInt(600));
        der[0] = 0x30;
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----";
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
