package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@link AllowShapeSet} answers what trying each of its shapes in turn answers, on every value. */
class AllowShapeSetTest {

    @Test
    void agreesWithEachShapeTriedOnGeneratedValues() {
        List<String> values = new ArrayList<>(AllowShapeTest.generatedValues());
        values.addAll(List.of("aB3xZ9", "aB3xZ9.pem", "abc.def", "ABC_DEF", "abc_def", "abc-def", "a/b", "~/x", "$x.y",
                "x\u00e9y", "ab\ncd", "abc\n", "abc\r\n", "123\u2028", "_", ".", "-", "/", "$"));
        assertAgree(values);
    }

    @Test
    void agreesWithEachShapeTriedOnTheValuesTheGenericRulesMatchInTraffic() {
        Set<String> values = new HashSet<>();
        Pattern value = Pattern.compile("[=:][ \\t]{0,4}[\"'`]?([A-Za-z0-9_\\-+/=.~]{1,256})");
        for (String text : TrafficTexts.rawAndNormalised()) {
            var m = value.matcher(text);
            while (m.find()) {
                values.add(m.group(1));
            }
        }
        assertThat(values).hasSizeGreaterThan(1_000);
        assertAgree(new ArrayList<>(values));
    }

    /** Every built-in rule's shape list, every single shape, and every shape but one, against the shapes one by one. */
    private static void assertAgree(List<String> values) {
        Set<List<AllowShape>> lists = new LinkedHashSet<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            List<AllowShape> shapes = new ArrayList<>();
            for (Pattern p : rule.allow()) {
                AllowShape s = AllowShape.of(p);
                if (s != null) {
                    shapes.add(s);
                }
            }
            lists.add(shapes);
        }
        List<AllowShape> all = List.of(AllowShape.values());
        for (AllowShape s : all) {
            lists.add(List.of(s));
            List<AllowShape> others = new ArrayList<>(all);
            others.remove(s);
            lists.add(others);
        }
        int matched = 0;
        for (List<AllowShape> shapes : lists) {
            AllowShapeSet set = new AllowShapeSet(shapes.toArray(AllowShape[]::new));
            for (String v : values) {
                boolean expected = shapes.stream().anyMatch(s -> s.matches(v));
                assertThat(set.anyMatches(v)).as("%s on \"%s\"", shapes, v).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).isGreaterThan(values.size() / 4);
    }
}
