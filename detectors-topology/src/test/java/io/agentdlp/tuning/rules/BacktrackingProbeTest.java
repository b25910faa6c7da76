package io.agentdlp.tuning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class BacktrackingProbeTest {

    @Test
    void boundedNestedLoopExhaustsTheBudget() {
        BacktrackingProbe.Result r = probeFirstHazard("key=(?:[a-z0-9]+[-_]?){1,40}@");
        assertThat(r.exhausted()).isTrue();
        assertThat(r.input()).startsWith("key=a");
    }

    @Test
    void greedyUnboundedNestedLoopIsMemoizedByTheJdkAndStaysPolynomial() {
        BacktrackingProbe.Result r = probeFirstHazard("(a+)+b");
        assertThat(r.exhausted()).isFalse();
        assertThat(r.degree()).isBetween(1, 3);
    }

    @Test
    void overlappingAlternationUnderABoundedLoopExhaustsTheBudget() {
        assertThat(probeFirstHazard("(?:\\w|\\d){1,64}!").exhausted()).isTrue();
    }

    @Test
    void adjacentOverlappingLoopsShowCubicGrowth() {
        Pattern p = Pattern.compile("\\s*\\s*\\s*x");
        RegexHazards a = RegexHazards.of(p);
        BacktrackingProbe.Result r = new BacktrackingProbe(p, a).probe(a.loops().get(0), CharSet.of(" ", 0));
        assertThat(r.exhausted()).isFalse();
        assertThat(r.degree()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void workIsCountedExactlyAndRepeatably() {
        Pattern p = Pattern.compile("[a-z]+!");
        RegexHazards a = RegexHazards.of(p);
        BacktrackingProbe probe = new BacktrackingProbe(p, a);
        assertThat(probe.work("abc")).isEqualTo(probe.work("abc")).isPositive();
        assertThat(probe.work("")).isZero();
    }

    private static BacktrackingProbe.Result probeFirstHazard(String regex) {
        Pattern p = Pattern.compile(regex);
        RegexHazards a = RegexHazards.of(p);
        RegexHazard h = a.find().get(0);
        return new BacktrackingProbe(p, a).probe(h.loop(), h.overlap());
    }
}
