package io.agentdlp.tuning.policy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyRule;

/**
 * What publishing a policy document would change against the version in force: settings (default
 * effect, allowed destinations, sensitive paths, thresholds) and rules added, removed or changed,
 * field by field with the file's key names. Rule order is ignored (the most specific rule wins
 * wherever it sits). Deterministic: everything is sorted.
 *
 * @param policyId    document id
 * @param fromVersion version in force, or null when the document is new
 * @param toVersion   version of the candidate
 * @param settings    one line per changed setting
 * @param addedRules  one line per new rule (id and its non-empty fields)
 * @param removedRules ids of rules that disappear
 * @param changedRules rule id → one entry per changed field
 */
public record PolicyDiff(String policyId, Long fromVersion, long toVersion, List<String> settings,
                         List<String> addedRules, List<String> removedRules, Map<String, List<String>> changedRules) {
    public PolicyDiff {
        settings = List.copyOf(settings);
        addedRules = List.copyOf(addedRules);
        removedRules = List.copyOf(removedRules);
        changedRules = new TreeMap<>(changedRules);
    }

    /** Differences of {@code candidate} against {@code live} (null when the topic has no document of that id). */
    public static PolicyDiff between(PolicyDocument live, PolicyDocument candidate) {
        PolicyDocument base = live != null ? live
                : new PolicyDocument(candidate.id(), 0, null, List.of(), List.of(), List.of(), Map.of());
        List<String> settings = new ArrayList<>();
        if (base.defaultEffect() != candidate.defaultEffect()) {
            settings.add("default: " + lower(base.defaultEffect()) + " -> " + lower(candidate.defaultEffect()));
        }
        list("allowed_destinations", base.allowedDestinations(), candidate.allowedDestinations(), settings);
        list("sensitive_paths", base.sensitivePaths(), candidate.sensitivePaths(), settings);
        TreeSet<String> names = new TreeSet<>(base.thresholds().keySet());
        names.addAll(candidate.thresholds().keySet());
        for (String n : names) {
            Double a = base.thresholds().get(n);
            Double b = candidate.thresholds().get(n);
            if (!Objects.equals(a, b)) {
                settings.add("thresholds." + n + ": " + (a == null ? "(unset)" : a) + " -> " + (b == null ? "(unset)" : b));
            }
        }
        Map<String, PolicyRule> before = byId(base.rules());
        Map<String, PolicyRule> after = byId(candidate.rules());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, List<String>> changed = new TreeMap<>();
        for (PolicyRule r : after.values()) {
            PolicyRule old = before.get(r.id());
            if (old == null) {
                added.add(describe(r));
            } else {
                List<String> fields = fieldChanges(old, r);
                if (!fields.isEmpty()) {
                    changed.put(r.id(), fields);
                }
            }
        }
        for (String id : before.keySet()) {
            if (!after.containsKey(id)) {
                removed.add(id);
            }
        }
        return new PolicyDiff(candidate.id(), live == null ? null : live.version(), candidate.version(), settings, added,
                removed, changed);
    }

    /** True when the candidate's content equals the live document (versions aside). */
    public boolean noChanges() {
        return fromVersion != null && settings.isEmpty() && addedRules.isEmpty() && removedRules.isEmpty()
                && changedRules.isEmpty();
    }

    /** The diff as indented text lines: {@code ~} changed, {@code +} added, {@code -} removed. */
    public List<String> render() {
        List<String> out = new ArrayList<>();
        out.add("policy '" + policyId + "': " + (fromVersion == null ? "new (not on the topic yet)" : "version "
                + fromVersion) + " -> version " + toVersion);
        settings.forEach(s -> out.add("  ~ " + s));
        addedRules.forEach(r -> out.add("  + rule " + r));
        removedRules.forEach(r -> out.add("  - rule " + r));
        changedRules.forEach((id, fields) -> out.add("  ~ rule " + id + ": " + String.join("; ", fields)));
        if (noChanges()) {
            out.add("  (no changes)");
        }
        return out;
    }

    private static void list(String name, List<String> a, List<String> b, List<String> out) {
        String d = setDelta(a, b);
        if (!d.isEmpty()) {
            out.add(name + ": " + d);
        }
    }

    /** {@code + x, - y} for entries added and removed, order ignored. */
    private static String setDelta(Collection<?> a, Collection<?> b) {
        TreeSet<String> plus = new TreeSet<>();
        TreeSet<String> minus = new TreeSet<>();
        b.forEach(x -> plus.add(String.valueOf(x)));
        a.forEach(x -> minus.add(String.valueOf(x)));
        TreeSet<String> common = new TreeSet<>(plus);
        common.retainAll(minus);
        plus.removeAll(common);
        minus.removeAll(common);
        List<String> parts = new ArrayList<>();
        plus.forEach(x -> parts.add("+ " + x));
        minus.forEach(x -> parts.add("- " + x));
        return String.join(", ", parts);
    }

    private static List<String> fieldChanges(PolicyRule a, PolicyRule b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : PolicyRule.class.getRecordComponents()) {
            Object x = value(c, a);
            Object y = value(c, b);
            if (x instanceof List<?> lx && y instanceof List<?> ly) {
                String d = setDelta(lx, ly);
                if (!d.isEmpty()) {
                    out.add(fileKey(c) + " " + d);
                }
            } else if (!Objects.equals(x, y)) {
                out.add(fileKey(c) + " " + text(x) + " -> " + text(y));
            }
        }
        return out;
    }

    private static String describe(PolicyRule r) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : PolicyRule.class.getRecordComponents()) {
            Object v = value(c, r);
            if (c.getName().equals("id") || v == null || (v instanceof List<?> l && l.isEmpty())
                    || Boolean.FALSE.equals(v)) {
                continue;
            }
            parts.add(fileKey(c) + " " + text(v));
        }
        return r.id() + " (" + String.join("; ", parts) + ")";
    }

    private static Object value(RecordComponent c, PolicyRule r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read policy rule field " + c.getName(), e);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "(unset)";
        }
        if (v instanceof Enum<?> e) {
            return lower(e);
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(v);
    }

    /** The policy-file key of a rule field: camelCase to snake_case. */
    private static String fileKey(RecordComponent c) {
        return c.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, PolicyRule> byId(List<PolicyRule> rules) {
        Map<String, PolicyRule> m = new TreeMap<>();
        rules.forEach(r -> m.put(r.id(), r));
        return m;
    }
}
