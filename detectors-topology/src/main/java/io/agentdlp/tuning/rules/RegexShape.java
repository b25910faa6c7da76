package io.agentdlp.tuning.rules;

import java.util.IdentityHashMap;
import java.util.Map;

import io.agentdlp.tuning.rules.RegexNode.Alternation;
import io.agentdlp.tuning.rules.RegexNode.BackReference;
import io.agentdlp.tuning.rules.RegexNode.Chars;
import io.agentdlp.tuning.rules.RegexNode.Group;
import io.agentdlp.tuning.rules.RegexNode.GroupKind;
import io.agentdlp.tuning.rules.RegexNode.Repeat;
import io.agentdlp.tuning.rules.RegexNode.RepeatMode;
import io.agentdlp.tuning.rules.RegexNode.Sequence;

/**
 * Language facts about the nodes of one parsed pattern, computed on demand and cached:
 * whether a node can match the empty string, which characters can start or end a match, every
 * character it can consume, and which characters a variable-length repetition at its very start or
 * very end can consume (what an ambiguous split between two iterations of an outer loop needs).
 * Zero-width look-arounds count as empty; atomic groups and possessive quantifiers are never split.
 */
final class RegexShape {
    private final Map<RegexNode, Boolean> nullable = new IdentityHashMap<>();
    private final Map<RegexNode, CharSet> first = new IdentityHashMap<>();
    private final Map<RegexNode, CharSet> last = new IdentityHashMap<>();
    private final Map<RegexNode, CharSet> alphabet = new IdentityHashMap<>();
    private final Map<RegexNode, CharSet> leadingLoop = new IdentityHashMap<>();
    private final Map<RegexNode, CharSet> trailingLoop = new IdentityHashMap<>();

    boolean nullable(RegexNode n) {
        Boolean cached = nullable.get(n);
        if (cached != null) {
            return cached;
        }
        boolean v;
        if (n instanceof Chars) {
            v = false;
        } else if (n instanceof Sequence s) {
            v = s.items().stream().allMatch(this::nullable);
        } else if (n instanceof Alternation a) {
            v = a.options().stream().anyMatch(this::nullable);
        } else if (n instanceof Group g) {
            v = g.kind() == GroupKind.LOOKAROUND || nullable(g.body());
        } else if (n instanceof Repeat r) {
            v = r.min() == 0 || nullable(r.body());
        } else {
            v = true; // Empty, BackReference
        }
        nullable.put(n, v);
        return v;
    }

    /** Characters that can start a non-empty match. */
    CharSet first(RegexNode n) {
        return edge(n, first, true, false);
    }

    /** Characters that can end a non-empty match. */
    CharSet last(RegexNode n) {
        return edge(n, last, false, false);
    }

    /** Characters a variable-length repetition can consume at the start of a match. */
    CharSet leadingLoop(RegexNode n) {
        return edge(n, leadingLoop, true, true);
    }

    /** Characters a variable-length repetition can consume at the end of a match. */
    CharSet trailingLoop(RegexNode n) {
        return edge(n, trailingLoop, false, true);
    }

    /** Every character the node can consume. */
    CharSet alphabet(RegexNode n) {
        CharSet cached = alphabet.get(n);
        if (cached != null) {
            return cached;
        }
        CharSet v;
        if (n instanceof Chars c) {
            v = c.chars();
        } else if (n instanceof BackReference) {
            v = CharSet.ANY;
        } else if (n instanceof Sequence s) {
            v = s.items().stream().map(this::alphabet).reduce(CharSet.EMPTY, CharSet::union);
        } else if (n instanceof Alternation a) {
            v = a.options().stream().map(this::alphabet).reduce(CharSet.EMPTY, CharSet::union);
        } else if (n instanceof Group g) {
            v = g.kind() == GroupKind.LOOKAROUND ? CharSet.EMPTY : alphabet(g.body());
        } else if (n instanceof Repeat r) {
            v = r.max() == 0 ? CharSet.EMPTY : alphabet(r.body());
        } else {
            v = CharSet.EMPTY;
        }
        alphabet.put(n, v);
        return v;
    }

    private CharSet edge(RegexNode n, Map<RegexNode, CharSet> cache, boolean leading, boolean loopsOnly) {
        CharSet cached = cache.get(n);
        if (cached != null) {
            return cached;
        }
        CharSet v = CharSet.EMPTY;
        if (n instanceof Chars c) {
            v = loopsOnly ? CharSet.EMPTY : c.chars();
        } else if (n instanceof BackReference) {
            v = CharSet.ANY;
        } else if (n instanceof Sequence s) {
            int size = s.items().size();
            for (int k = 0; k < size; k++) {
                RegexNode item = s.items().get(leading ? k : size - 1 - k);
                v = v.union(edge(item, cache, leading, loopsOnly));
                if (!nullable(item)) {
                    break;
                }
            }
        } else if (n instanceof Alternation a) {
            for (RegexNode o : a.options()) {
                v = v.union(edge(o, cache, leading, loopsOnly));
            }
        } else if (n instanceof Group g) {
            boolean opaque = g.kind() == GroupKind.LOOKAROUND || (loopsOnly && g.kind() == GroupKind.ATOMIC);
            v = opaque ? CharSet.EMPTY : edge(g.body(), cache, leading, loopsOnly);
        } else if (n instanceof Repeat r && r.max() != 0 && !(loopsOnly && r.mode() == RepeatMode.POSSESSIVE)) {
            v = edge(r.body(), cache, leading, loopsOnly);
            if (loopsOnly && r.repeats() && r.variable()) {
                v = v.union(alphabet(r.body()));
            }
        }
        cache.put(n, v);
        return v;
    }
}
