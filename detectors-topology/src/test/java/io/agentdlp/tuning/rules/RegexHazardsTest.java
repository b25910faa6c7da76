package io.agentdlp.tuning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexHazardsTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+b", "(\\w+\\s?)+$", "^(\\w+=\\w+&?)+$", "(?:-[a-z0-9-]+)*\\.", "([a-z]+\\.?)+!",
            "(?:[a-z0-9]+[-_]?){1,40}@", "(a*)*b", "(?i)(?:x[a-z]*)+y", "(?=(a+)+)b", "\\Qab\\E(?:c+)+"})
    void nestedQuantifiersThatCanSplitARunAreFlagged(String regex) {
        assertThat(kinds(regex)).contains(RegexHazard.Kind.NESTED_QUANTIFIER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(\\w|\\d)+!", "(?:a|ab)*c", "(?:[a-f]|[0-9a-z]){1,64}x", "(?:x(?:y|[xy]))+"})
    void overlappingAlternativesUnderAQuantifierAreFlagged(String regex) {
        assertThat(kinds(regex)).contains(RegexHazard.Kind.OVERLAPPING_ALTERNATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"([a-z]+\\.)+com", "(?:[A-Za-z0-9+/]{4})*[A-Za-z0-9+/]{2}==", "(?:\\s*,\\s*\\w+)*",
            "(?>a+)+b", "(a++)+b", "(?:a+)?b", "[a-z]+[0-9]+", "(?:ab|cd)+", "\"(?:\\\\.|[^\"\\\\])*\"",
            "(?<![A-Za-z0-9_])((?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Za-z0-9_])", "(?:[-.][A-Za-z0-9]+)+",
            "(?x) ( [a-z]+ \\. ) + com  # comment", "[\\w&&[^_]]+(?:\\.[\\w&&[^_]]+)*"})
    void unambiguousRepetitionsAreNotFlagged(String regex) {
        assertThat(kinds(regex)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?<name>a)\\k<name>", "[]a]+", "[^]a]", "\\p{Alpha}{2,}\\P{L}", "\\x{1F600}\\u00e9\\0101\\cA",
            "(?i:abc)(?-i)d", "a{2}b{3,}c{4,5}?d*+", "(?s).+?\\R\\X", "\\bword\\B\\A\\z\\Z\\G", "[a-z&&[def]]"})
    void parsesTheJavaSyntax(String regex) {
        RegexNode root = RegexParser.parse(Pattern.compile(regex));
        assertThat(root.start()).isZero();
        assertThat(root.end()).isEqualTo(regex.length());
    }

    @org.junit.jupiter.api.Test
    void characterSetsComeFromTheEngineWithFlags() {
        assertThat(CharSet.of("[a-c]", Pattern.CASE_INSENSITIVE).describe()).isEqualTo("[A-Ca-c]");
        assertThat(CharSet.of("\\d", 0).describe()).isEqualTo("[0-9]");
        assertThat(CharSet.of("[^\\n]", 0).contains('\u00e9')).isTrue();
        assertThat(CharSet.of("\\w", 0).intersect(CharSet.of("\\s", 0)).isEmpty()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void reportsTheOffendingSubExpression() {
        List<RegexHazard> h = RegexHazards.of(Pattern.compile("token=(?:[a-z0-9]+[-_]?){1,40};")).find();
        assertThat(h).singleElement().satisfies(x -> {
            assertThat(x.expression()).isEqualTo("(?:[a-z0-9]+[-_]?){1,40}");
            assertThat(x.overlap().describe()).isEqualTo("[0-9a-z]");
            assertThat(x.describe()).contains("(?:[a-z0-9]+[-_]?){1,40}", "[0-9a-z]");
        });
    }

    private static List<RegexHazard.Kind> kinds(String regex) {
        return RegexHazards.of(Pattern.compile(regex)).find().stream().map(RegexHazard::kind).toList();
    }
}
