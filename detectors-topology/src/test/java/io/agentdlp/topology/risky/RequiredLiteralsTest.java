package io.agentdlp.topology.risky;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
    private static RequiredLiterals of(String regex) {
        return RequiredLiterals.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    @Test
    void readsRunsAndRequiredGroups() {
        assertThat(of("\\bscp\\b").literals()).containsExactly("scp");
        assertThat(of("\\b(?:nc|NCat|netcat)\\b[^\\n]*\\s-[ce]").literals()).containsExactlyInAnyOrder("nc", "ncat", "netcat");
        assertThat(of("\\bcurl\\b[^|;&\\n]*\\s(?:-T|--upload-file)(?:\\s+|=)\\S").literals()).containsExactly("curl");
        assertThat(of("/dev/(?:tcp|udp)/[^/\\s]+/\\d+").literals()).containsExactly("/dev/");
        assertThat(of("foo|\\bbar\\.baz").literals()).containsExactlyInAnyOrder("foo", "bar.baz");
        assertThat(of("ab?c").literals()).containsExactly("a");
        assertThat(of("(?:xyz)+q").literals()).containsExactly("xyz");
    }

    @Test
    void whatItCannotReadGetsNoPrefilter() {
        assertThat(of("foo|\\w+")).isSameAs(RequiredLiterals.NONE);
        assertThat(of("(?-i)foo")).isSameAs(RequiredLiterals.NONE);
        assertThat(of("\\Qa.b\\E")).isSameAs(RequiredLiterals.NONE);
        assertThat(of("(foo)\\1")).isSameAs(RequiredLiterals.NONE);
        assertThat(of("(?:foo)?b?")).isSameAs(RequiredLiterals.NONE);
        assertThat(RequiredLiterals.of(Pattern.compile("foo"))).isSameAs(RequiredLiterals.NONE);
        assertThat(RequiredLiterals.NONE.mayMatch("anything")).isTrue();
    }

    @Test
    void neverRejectsATextTheRuleMatches() {
        List<RiskyActionRule> rules = RiskyActionRules.builtIn().rules();
        List<String> texts = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (RiskyActionRule r : rules) {
            texts.addAll(r.matches());
            texts.addAll(r.noMatches());
            pieces.addAll(r.matches());
            pieces.addAll(r.noMatches());
        }
        Random rnd = new Random(11);
        String alphabet = " |;&$()`'\"=@-/.:>\nabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 4000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = rnd.nextInt(4); j >= 0; j--) {
                String p = pieces.get(rnd.nextInt(pieces.size()));
                int from = rnd.nextInt(p.length());
                b.append(rnd.nextBoolean() ? p : p.substring(from, from + rnd.nextInt(p.length() - from + 1)));
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            texts.add(rnd.nextBoolean() ? b.toString() : b.toString().toUpperCase(java.util.Locale.ROOT));
        }
        int prefiltered = 0;
        int rejected = 0;
        for (RiskyActionRule r : rules) {
            RequiredLiterals req = RequiredLiterals.of(r.pattern());
            if (req != RequiredLiterals.NONE) {
                prefiltered++;
            }
            for (String t : texts) {
                boolean may = req.mayMatch(RequiredLiterals.lowerAscii(t));
                if (r.pattern().matcher(t).find()) {
                    assertThat(may).as("%s (literals %s) must let through: %s", r.id(), req.literals(), t).isTrue();
                } else if (!may) {
                    rejected++;
                }
            }
        }
        assertThat(prefiltered).as("built-in rules with a prefilter").isGreaterThanOrEqualTo(rules.size() - 2);
        assertThat(rejected).as("texts the prefilter spared the regex").isPositive();
    }

    @Test
    void lowersOnlyAsciiLetters() {
        assertThat(RequiredLiterals.lowerAscii("CuRL ÄÖ é")).isEqualTo("curl ÄÖ é");
        String same = "already lower";
        assertThat(RequiredLiterals.lowerAscii(same)).isSameAs(same);
    }
}
