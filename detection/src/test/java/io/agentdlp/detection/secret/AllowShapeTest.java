package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AllowShapeTest {
    private static final String[] PIECES = {"true", "FALSE", "Null", "token", "password", "env", "http", "HTTPS", ":",
            "://", ".pem", ".KEY", ".json", ".yaml", ".yml", ".Yml", ".p12", ".jks", ".txt", "~/", "./", "/", "C:\\",
            "foo", "BAR", "a_b", "A_B1", "x-y", "$", "_", ".", "-", "+", "!", "@", "%", "*", "|", ">", "&", "0", "42",
            "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u212A", "\u0131", "\u017F", "\u00E9", " ", "\t", "=", "\\"};
    private static final String CHARS = "aAzZkKsSbB09_$.-/~:\\!&*|>%@+=\n\r\u0085\u2028\u212A\u0131 ";

    @Test
    void theBuiltInGenericAllowListIsMatchedByHand() {
        int rules = 0;
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            if (rule.id().startsWith("generic-")) {
                assertThat(rule.allow()).as(rule.id()).hasSize(13)
                        .allSatisfy(p -> assertThat(AllowShape.of(p)).isNotNull());
                rules++;
            }
        }
        assertThat(rules).isEqualTo(4);
        assertThat(AllowShape.of(Pattern.compile("^[A-Za-z]+$", Pattern.CASE_INSENSITIVE))).isNull();
        assertThat(AllowShape.of(Pattern.compile("(?i)^https?:", Pattern.MULTILINE))).isNull();
        assertThat(AllowShape.of(Pattern.compile("(?i)^https?:"))).isEqualTo(AllowShape.HTTP_URL);
        assertThat(AllowShape.of(Pattern.compile("^[A-Za-z]+"))).isNull();
    }

    @Test
    void agreesWithTheRegexEngineOnGeneratedValues() {
        List<String> values = generatedValues();
        int matched = 0;
        for (AllowShape shape : AllowShape.values()) {
            Pattern regex = Pattern.compile(shape.source());
            int shapeMatched = 0;
            for (String v : values) {
                boolean expected = regex.matcher(v).find();
                assertThat(shape.matches(v)).as("%s on \"%s\"", shape, v).isEqualTo(expected);
                shapeMatched += expected ? 1 : 0;
            }
            // each shape is exercised on both sides of its decision
            assertThat(shapeMatched).as(shape.name()).isGreaterThan(50).isLessThan(values.size() - 50);
            matched += shapeMatched;
        }
        assertThat(matched).isGreaterThan(5_000);
    }

    @Test
    void agreesWithTheRegexEngineOnTheValuesTheGenericRulesMatchInTraffic() {
        Set<String> values = new HashSet<>();
        Pattern value = Pattern.compile("[=:][ \\t]{0,4}[\"'`]?([A-Za-z0-9_\\-+/=.~]{1,256})");
        for (String text : TrafficTexts.rawAndNormalised()) {
            var m = value.matcher(text);
            while (m.find()) {
                values.add(m.group(1));
            }
        }
        assertThat(values).hasSizeGreaterThan(1_000);
        for (AllowShape shape : AllowShape.values()) {
            Pattern regex = Pattern.compile(shape.source());
            for (String v : values) {
                assertThat(shape.matches(v)).as("%s on \"%s\"", shape, v).isEqualTo(regex.matcher(v).find());
            }
        }
    }

    static List<String> generatedValues() {
        Random random = new Random(20251125L);
        List<String> values = new ArrayList<>(List.of("", "a", "A", "0", "\n", "a\n", "a\r\n", "a\n\n", "a\r", "a.b",
                "a.b\n", "_a.$b", "a..b", "a.", ".a", "a_b", "a__b", "_a", "a_", "A_1", "1_A", "A_", "a-b", "a--b", "/",
                "//", "a/", "/a", "a/b/", "a//b", "-a/b", "~/x", "./x", "~x", "C:\\x", "c:/x", "http:", "HTTPS:x", "https",
                "httpss:", "x.pem", "x.PEM\n", "x.pem\r\n", "x.pem\n\n", ".yaml", "x.yaml.bak", "TRUE", "true\n", "trueX",
                "\u212Aey", "x.\u212Aey", "\u0131", "tok\u212An", "http\u017F:", "123", "12a", "\u0661"));
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                if (random.nextInt(3) == 0) {
                    sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
                } else {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            values.add(sb.toString());
        }
        // near-misses of the anchored shapes: a valid value with one char changed, added or removed
        String[] valid = {"abcDEF", "a.b.c", "$x._y1", "snake_case_name", "SCREAMING_CASE_1", "kebab-case-x", "a/b/c/",
                "-./x_y/z", "password", "12345", "https://x", "cert.json", "C:\\Users", "~/path", "@ref"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(valid[random.nextInt(valid.length)]);
            int at = random.nextInt(sb.length() + 1);
            char c = CHARS.charAt(random.nextInt(CHARS.length()));
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, c);
                case 1 -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, c);
                    }
                }
                default -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
            }
            values.add(random.nextInt(8) == 0 ? sb.toString().toUpperCase() : sb.toString());
        }
        return values;
    }
}
