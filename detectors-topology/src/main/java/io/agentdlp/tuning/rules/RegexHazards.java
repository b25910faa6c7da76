package io.agentdlp.tuning.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.agentdlp.tuning.rules.RegexNode.Alternation;
import io.agentdlp.tuning.rules.RegexNode.Group;
import io.agentdlp.tuning.rules.RegexNode.GroupKind;
import io.agentdlp.tuning.rules.RegexNode.Repeat;
import io.agentdlp.tuning.rules.RegexNode.RepeatMode;
import io.agentdlp.tuning.rules.RegexNode.Sequence;

/**
 * Static analysis of one pattern for catastrophic backtracking. For every repetition that may run
 * more than once and can be backtracked into (not possessive, not inside an atomic group) it checks
 * <ul>
 *   <li>whether the characters a variable-length part at the end of the body consumes overlap the
 *       characters the body starts with (or the mirror case): then a run of them can be divided
 *       between iterations in many ways — {@code (a+)+}, {@code (\w+\s?)+}, {@code (\w+=\w+&?)+};</li>
 *   <li>whether two alternatives inside the body can start with the same character —
 *       {@code (\w|\d)+}, {@code (a|ab)*}.</li>
 * </ul>
 * The analysis is conservative: a reported hazard may be harmless on a given engine (the JDK memoizes
 * some greedy unbounded loops), which is why {@link BacktrackingProbe} measures it.
 */
final class RegexHazards {
    private final Pattern pattern;
    private final RegexNode root;
    private final RegexShape shape = new RegexShape();

    private RegexHazards(Pattern pattern) {
        this.pattern = pattern;
        this.root = RegexParser.parse(pattern);
    }

    /** Parses {@code pattern}; throws IllegalArgumentException when its syntax is not understood. */
    static RegexHazards of(Pattern pattern) {
        return new RegexHazards(pattern);
    }

    RegexNode root() {
        return root;
    }

    RegexShape shape() {
        return shape;
    }

    /** Every hazard, outermost loops first. */
    List<RegexHazard> find() {
        List<RegexHazard> out = new ArrayList<>();
        Map<Alternation, Boolean> reported = new IdentityHashMap<>();
        walk(root, false, out, reported);
        return out;
    }

    /** Every repetition that may run more than once, in pattern order. */
    List<Repeat> loops() {
        return loopsWithin(root);
    }

    /** {@code n} itself if it is such a repetition, and every one inside it. */
    List<Repeat> loopsWithin(RegexNode n) {
        List<Repeat> out = new ArrayList<>();
        collectLoops(n, out);
        return out;
    }

    private void collectLoops(RegexNode n, List<Repeat> out) {
        if (n instanceof Repeat r) {
            if (r.repeats()) {
                out.add(r);
            }
            collectLoops(r.body(), out);
        } else if (n instanceof Sequence s) {
            s.items().forEach(i -> collectLoops(i, out));
        } else if (n instanceof Alternation a) {
            a.options().forEach(o -> collectLoops(o, out));
        } else if (n instanceof Group g) {
            collectLoops(g.body(), out);
        }
    }

    private void walk(RegexNode n, boolean shielded, List<RegexHazard> out, Map<Alternation, Boolean> reported) {
        if (n instanceof Repeat r) {
            boolean inner = shielded || r.mode() == RepeatMode.POSSESSIVE;
            if (!inner && r.repeats()) {
                check(r, out, reported);
            }
            walk(r.body(), inner, out, reported);
        } else if (n instanceof Sequence s) {
            s.items().forEach(i -> walk(i, shielded, out, reported));
        } else if (n instanceof Alternation a) {
            a.options().forEach(o -> walk(o, shielded, out, reported));
        } else if (n instanceof Group g) {
            walk(g.body(), shielded || g.kind() == GroupKind.ATOMIC, out, reported);
        }
    }

    private void check(Repeat r, List<RegexHazard> out, Map<Alternation, Boolean> reported) {
        RegexNode body = r.body();
        CharSet split = shape.trailingLoop(body).intersect(shape.first(body))
                .union(shape.leadingLoop(body).intersect(shape.last(body)));
        if (!split.isEmpty()) {
            out.add(new RegexHazard(RegexHazard.Kind.NESTED_QUANTIFIER, r, source(r), split));
        }
        List<Alternation> alternations = new ArrayList<>();
        collectAlternations(body, alternations);
        for (Alternation a : alternations) {
            CharSet overlap = alternativesOverlap(a);
            if (!overlap.isEmpty() && reported.put(a, Boolean.TRUE) == null) {
                out.add(new RegexHazard(RegexHazard.Kind.OVERLAPPING_ALTERNATION, r, source(r), overlap));
            }
        }
    }

    /** Alternations a loop body can re-enter on each iteration; atomic groups, look-arounds and inner loops excluded. */
    private void collectAlternations(RegexNode n, List<Alternation> out) {
        if (n instanceof Alternation a) {
            out.add(a);
            a.options().forEach(o -> collectAlternations(o, out));
        } else if (n instanceof Sequence s) {
            s.items().forEach(i -> collectAlternations(i, out));
        } else if (n instanceof Group g && g.kind() != GroupKind.ATOMIC && g.kind() != GroupKind.LOOKAROUND) {
            collectAlternations(g.body(), out);
        } else if (n instanceof Repeat r && r.mode() != RepeatMode.POSSESSIVE && !r.repeats()) {
            collectAlternations(r.body(), out);
        }
    }

    private CharSet alternativesOverlap(Alternation a) {
        CharSet overlap = CharSet.EMPTY;
        List<RegexNode> options = a.options();
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                overlap = overlap.union(shape.first(options.get(i)).intersect(shape.first(options.get(j))));
            }
        }
        return overlap;
    }

    String source(RegexNode n) {
        return pattern.pattern().substring(n.start(), n.end());
    }
}
