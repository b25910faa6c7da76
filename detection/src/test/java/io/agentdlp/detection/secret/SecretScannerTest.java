package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.Severity;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    /** A GitHub token with a valid CRC32 checksum, built here so the test shows how. */
    static final String GITHUB_TOKEN = githubToken("Zq3LmX8vT2nB7kR1pW9sY4cD6fH0jA");
    static final String STRIPE_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Fh2Kq";
    private static final KeyedHasher HASHER = KeyedHasher.fromSecret("secret-scanner-test-key");
    private static final SecretScanner SCANNER = SecretScanner.builder().hasher(HASHER).build();

    static String githubToken(String random30) {
        return "ghp_" + random30 + SecretValidator.crc32Base62(random30);
    }

    @Test
    void findsTokenAndReportsLocationPreviewAndKeyedHashButNeverTheSecret() {
        String text = "# config\nexport GITHUB_TOKEN=" + GITHUB_TOKEN + "\n";
        List<Finding> findings = SCANNER.scan(text).findings();
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.detector()).isEqualTo("secret");
        assertThat(f.ruleId()).isEqualTo("github-pat-classic");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.column()).isEqualTo("export GITHUB_TOKEN=".length() + 1);
        assertThat(text.substring((int) f.offset(), (int) f.offset() + f.length())).isEqualTo(GITHUB_TOKEN);
        assertThat(f.keyedHash()).isEqualTo(HASHER.hash(GITHUB_TOKEN));
        assertThat(f.redactedPreview()).startsWith("ghp_").doesNotContain(GITHUB_TOKEN.substring(4, 12));
        assertThat(f.toString()).doesNotContain(GITHUB_TOKEN);
    }

    @Test
    void secretInsideJsonEscapedPayloadIsLocatedInTheOriginalText() {
        String hook = "{\"tool_input\":{\"content\":\"line one\\nline two\\n\\tstripe.api_key = \\\"" + STRIPE_KEY + "\\\"\\n\"}}";
        Finding f = only(SCANNER.scan(hook).findings());
        assertThat(f.ruleId()).isEqualTo("stripe-live-secret-key");
        assertThat(hook.substring((int) f.offset(), (int) f.offset() + f.length())).isEqualTo(STRIPE_KEY);
        assertThat(f.line()).isEqualTo(1);
    }

    @Test
    void sameSecretInDifferentEncodingsGivesTheSameHash() {
        String plain = SCANNER.scan("key " + STRIPE_KEY).findings().get(0).keyedHash();
        String escaped = SCANNER.scan("{\"a\":\"\\u0073k_live_" + STRIPE_KEY.substring(8) + "\"}").findings().get(0).keyedHash();
        String b64 = Base64.getEncoder().encodeToString(("STRIPE_SECRET_KEY=" + STRIPE_KEY + "\n").getBytes(StandardCharsets.UTF_8));
        String inBase64 = SCANNER.scan("payload: " + b64).findings().get(0).keyedHash();
        assertThat(escaped).isEqualTo(plain);
        assertThat(inBase64).isEqualTo(plain);
    }

    @Test
    void secretInsideBase64BlobPointsAtTheBlob() {
        String env = "DEPLOY=1\nGITHUB_TOKEN=" + GITHUB_TOKEN + "\n";
        String blob = Base64.getEncoder().encodeToString(env.getBytes(StandardCharsets.UTF_8));
        String text = "line one\nsecretData: " + blob + "\n";
        Finding f = only(SCANNER.scan(text).findings());
        assertThat(f.ruleId()).isEqualTo("github-pat-classic");
        assertThat(f.line()).isEqualTo(2);
        int blobStart = text.indexOf(blob);
        assertThat(f.offset()).isBetween((long) blobStart, (long) blobStart + blob.length());
    }

    @Test
    void urlEncodedSecretIsFound() {
        String query = "https://api.acme.io/hook?token=x&auth=" + URLEncoder.encode("Bearer " + GITHUB_TOKEN, StandardCharsets.UTF_8);
        assertThat(SCANNER.scan(query).findings()).extracting(Finding::ruleId).contains("github-pat-classic");
        String encodedConn = "dsn=postgresql%3A%2F%2Fapp%3AQx7vR2mLp9Tz%40db.acme.io%2Fprod";
        Finding f = only(SCANNER.scan(encodedConn).findings());
        assertThat(f.ruleId()).isEqualTo("postgres-connection-string");
        assertThat(f.keyedHash()).isEqualTo(HASHER.hash("Qx7vR2mLp9Tz"));
    }

    @Test
    void percentEscapesAreFoundAfterPercentSignsThatAreNoEscapes() {
        // the percent layer's search starts at the view's first '%' (the keyword automaton's first "%" hit)
        String encodedConn = "dsn=postgresql%3A%2F%2Fapp%3AQx7vR2mLp9Tz%40db.acme.io%2Fprod";
        String text = "coverage 100% and 50%% done, %zz %4\n" + encodedConn;
        Finding f = only(SCANNER.scan(text).findings());
        assertThat(f.ruleId()).isEqualTo("postgres-connection-string");
        assertThat(f.offset()).isEqualTo(text.indexOf("Qx7v"));
        // a base64 child is its own view, with its own first '%'
        String blob = Base64.getEncoder().encodeToString(("config: " + encodedConn + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(SCANNER.scan("100% done\ndata: " + blob).findings()).extracting(Finding::ruleId)
                .containsExactly("postgres-connection-string");
    }

    @Test
    void aLoneEscapeAtTheViewsFirstPercentSignIsDecoded() {
        // the only escape is the first '%': the percent layer's search must start exactly there
        String rules = """
                version: 1
                rules:
                  - id: test-lone-escape
                    severity: high
                    keywords: ['zqe=']
                    pattern: 'zqe=([a-z0-9]{12})'
                """;
        SecretScanner scanner = withRules("lone-escape.yaml", rules);
        for (String text : List.of("zqe%3Dk7x2p9w4m3zq", "%3D", "set zqe%3dk7x2p9w4m3zq now")) {
            assertThat(scanner.scan(text).findings()).extracting(Finding::ruleId)
                    .containsExactlyElementsOf(text.length() > 3 ? List.of("test-lone-escape") : List.of());
        }
    }

    @Test
    void aRuleMayHaveThePercentSignAsKeyword() {
        String rules = """
                version: 1
                rules:
                  - id: test-percent-keyword
                    severity: high
                    keywords: ['%']
                    pattern: '%zq([a-z0-9]{12})'
                """;
        SecretScanner scanner = withRules("percent.yaml", rules);
        String text = "50% off %zqk7x2p9w4m3zq and dsn=postgresql%3A%2F%2Fapp%3AQx7vR2mLp9Tz%40db.acme.io%2Fprod";
        assertThat(scanner.scan(text).findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("test-percent-keyword", "postgres-connection-string");
        ScanWork work = new ScanWork();
        scanner.scan(text, work);
        assertThat(work.keywordHits).isGreaterThanOrEqualTo(text.chars().filter(c -> c == '%').count());
    }

    @Test
    void urlEncodedSecretsAreFoundFarFromTheStartOfLongTexts() {
        String prose = "the build ran all tests and wrote a report to the usual place\n".repeat(400);
        String encodedConn = "dsn=postgresql%3A%2F%2Fapp%3AQx7vR2mLp9Tz%40db.acme.io%2Fprod";
        String text = prose + encodedConn + "\n" + prose;
        Finding f = only(SCANNER.scan(text).findings());
        assertThat(f.ruleId()).isEqualTo("postgres-connection-string");
        assertThat(f.offset()).isEqualTo(prose.length() + encodedConn.indexOf("Qx7v"));
        // a form-encoded PEM block: every line carries an escape, so the whole block is decoded
        String pem = RuleCatalog.builtIn().rule("private-key-rsa").orElseThrow().examples().truePositives().get(0);
        String form = prose + "key=" + URLEncoder.encode(pem, StandardCharsets.UTF_8).replace("+", "%20") + "\n" + prose;
        assertThat(SCANNER.scan(form).findings()).extracting(Finding::ruleId).containsExactly("private-key-rsa");
    }

    @Test
    void privateKeyInLineNumberedToolOutputAndInDiffIsFound() {
        String pem = RuleCatalog.builtIn().rule("private-key-rsa").orElseThrow().examples().truePositives().get(0);
        StringBuilder numbered = new StringBuilder();
        StringBuilder diff = new StringBuilder("diff --git a/id_rsa b/id_rsa\n--- /dev/null\n+++ b/id_rsa\n@@ -0,0 +1,30 @@\n");
        String[] lines = pem.split("\n");
        for (int i = 0; i < lines.length; i++) {
            numbered.append(String.format("%6d\t%s%n", i + 1, lines[i]));
            diff.append('+').append(lines[i]).append('\n');
        }
        Finding a = only(SCANNER.scan(numbered).findings());
        Finding b = only(SCANNER.scan(diff).findings());
        assertThat(a.ruleId()).isEqualTo("private-key-rsa");
        assertThat(b.ruleId()).isEqualTo("private-key-rsa");
        assertThat(a.keyedHash()).isEqualTo(HASHER.hash(pem)).isEqualTo(b.keyedHash());
        assertThat(a.line()).isEqualTo(1);
        assertThat(b.line()).isEqualTo(5);
    }

    @Test
    void awsKeyIdAndUnlabelledSecretArePaired() {
        String text = "creds:\n  AKIA2E3AZF3BQ44CRWZK wJalrXUtnFEMIK7MDENGbPxRfiCYzq4kH8sT2vLm\n";
        List<Finding> f = SCANNER.scan(text).findings();
        assertThat(f).extracting(Finding::ruleId).containsExactly("aws-access-key-id", "aws-secret-access-key-paired");
        String alone = "hash: 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\n";
        assertThat(SCANNER.scan(alone).findings()).isEmpty();
    }

    @Test
    void specificRuleWinsOverGenericAssignmentOfTheSameValue() {
        Finding f = only(SCANNER.scan("api_token = \"" + GITHUB_TOKEN + "\"").findings());
        assertThat(f.ruleId()).isEqualTo("github-pat-classic");
    }

    @Test
    void findingsAreOrderedByOffsetAndDeterministic() {
        String text = "b=" + STRIPE_KEY + "\na=" + GITHUB_TOKEN + "\n" + "x".repeat(100) + " 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";
        List<Finding> first = SCANNER.scan(text).findings();
        assertThat(first).extracting(Finding::offset).isSorted();
        assertThat(first).extracting(Finding::ruleId).containsExactly("stripe-live-secret-key", "github-pat-classic", "sendgrid-api-key");
        assertThat(SCANNER.scan(text).findings()).isEqualTo(first);
    }

    @Test
    void inputsAboveTheLimitAreScannedUpToItAndMarkedTruncated() {
        SecretScanner small = SecretScanner.builder().hasher(HASHER).maxScanChars(100).build();
        String head = "t=" + GITHUB_TOKEN + "\n";
        String text = head + "x".repeat(200) + "\nk=" + STRIPE_KEY;
        ScanResult r = small.scan(text);
        assertThat(r.truncated()).isTrue();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("github-pat-classic");
        assertThat(small.scan(head).truncated()).isFalse();
    }

    @Test
    void concurrentScansGiveTheSameResults() throws Exception {
        String text = "a=" + GITHUB_TOKEN + " {\"k\":\"" + STRIPE_KEY + "\"}";
        List<Finding> expected = SCANNER.scan(text).findings();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> futures = IntStream.range(0, 64)
                    .mapToObj(i -> pool.submit(() -> SCANNER.scan(i % 2 == 0 ? text : "noise " + i).findings()))
                    .toList();
            for (int i = 0; i < futures.size(); i++) {
                List<Finding> got = futures.get(i).get();
                assertThat(got).isEqualTo(i % 2 == 0 ? expected : List.of());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void placeholdersAndDocumentationValuesAreNotReported() {
        String docs = """
                AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
                AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                OPENAI_API_KEY=<YOUR_KEY>
                DB_PASSWORD=${DB_PASSWORD}
                password: changeme
                token: xxxxxxxxxxxxxxxxxxxxxxxx
                """;
        assertThat(SCANNER.scan(docs).findings()).isEmpty();
    }

    @Test
    void userAllowPatternsWithGroupsKeepTheirMeaning() {
        // the start-anchored allow patterns of a rule are joined into one regex; groups must not be
        // renumbered into another pattern's backreference, and a group name used twice must still build
        String rules = """
                version: 1
                rules:
                  - id: test-allow-groups
                    severity: high
                    keywords: ['zqc=']
                    pattern: 'zqc=([a-z0-9]{12})'
                    allow: ['^(ab)c', '^([a-z0-9]{2})\\1', '^(?<v>q)r', '^(?<v>s)t', '^k9m']
                  - id: test-allow-none
                    severity: high
                    keywords: ['zqd=']
                    pattern: 'zqd=([a-z0-9]{12})'
                """;
        SecretScanner scanner = withRules("allow-groups.yaml", rules);
        String values = "k7k7x2p9w4m3 qr7x2p9w4m3z st7x2p9w4m3z k9m2p9w4m3zx abcx2p9w4m3z";
        String allowed = "zqc=" + values.replace(" ", " zqc=");
        String control = "zqd=" + values.replace(" ", " zqd=");
        assertThat(scanner.scan(allowed).findings()).isEmpty();
        assertThat(scanner.scan(control).findings()).hasSize(5);
    }

    @Test
    void aValueIsCheckedOncePerCheckProfileAndEachRuleGetsItsOwnProfilesVerdict() {
        String rules = """
                version: 1
                rules:
                  - id: test-allows-k7q
                    severity: high
                    keywords: ['zqa=']
                    pattern: 'zqa=([a-z0-9]{12})'
                    allow: ['^k7q']
                  - id: test-allows-nothing
                    severity: high
                    keywords: ['zqb=']
                    pattern: 'zqb=([a-z0-9]{12})'
                """;
        SecretScanner scanner = withRules("value-checks.yaml", rules);
        // the same value under both rules, twice each, in an order where a verdict shared between the
        // profiles would report it for the first rule or drop it for the second
        String text = "zqb=k7q9wd2x5mzp zqa=k7q9wd2x5mzp\nzqa=k7q9wd2x5mzp zqb=k7q9wd2x5mzp\n";
        ScanWork work = new ScanWork();
        List<Finding> findings = scanner.scan(text, work).findings();
        assertThat(findings).extracting(Finding::ruleId).containsExactly("test-allows-nothing", "test-allows-nothing");
        assertThat(findings).extracting(Finding::offset).containsExactly(4L, 55L);
        assertThat(work.valueChecks).isEqualTo(2);
        assertThat(work.valueChecksReused).isEqualTo(2);
        // nothing is remembered from one scan to the next
        ScanWork again = new ScanWork();
        assertThat(scanner.scan(text, again).findings()).isEqualTo(findings);
        assertThat(again.valueChecks).isEqualTo(2);
    }

    @Test
    void aScanThatThrowsLeavesNothingBehindForTheNextScanOnItsThread() {
        // nested repetition overflows java.util.regex's stack on a long input (a user rule's fault, which the
        // topology dead-letters); the built-in rules the failed scan had already evaluated must still be found
        String rules = """
                version: 1
                rules:
                  - id: test-pathological
                    severity: high
                    keywords: ['zqp']
                    pattern: 'zqp((?:a|b(?:c)?)*z)'
                    window: [0, 700000]
                """;
        SecretScanner scanner = withRules("pathological.yaml", rules);
        String token = "t " + GITHUB_TOKEN + "\n";
        assertThat(scanner.scan(token).findings()).extracting(Finding::ruleId).containsExactly("github-pat-classic");
        String pathological = token + "zqp" + "ab".repeat(300_000) + "z\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner.scan(pathological))
                .isInstanceOf(StackOverflowError.class);
        assertThat(scanner.scan(token).findings()).extracting(Finding::ruleId).containsExactly("github-pat-classic");
        assertThat(scanner.scan("zqpabz " + token).findings()).extracting(Finding::ruleId)
                .containsExactly("test-pathological", "github-pat-classic");
    }

    @Test
    void isATextDetector() {
        assertThat(SCANNER.detect("t " + GITHUB_TOKEN)).extracting(Finding::ruleId).containsExactly("github-pat-classic");
        assertThat(SCANNER.ruleCount()).isEqualTo(RuleCatalog.builtIn().rules().size());
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    /** A scanner of the built-in catalogue plus the rule file {@code yaml}, read as {@code name}. */
    private static SecretScanner withRules(String name, String yaml) {
        RuleFile file = RuleFileParser.parse(name, new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return SecretScanner.builder().hasher(HASHER).catalog(RuleCatalog.builtIn().with(List.of(file))).build();
    }
}
