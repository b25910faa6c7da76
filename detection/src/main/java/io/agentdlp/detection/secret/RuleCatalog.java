package io.agentdlp.detection.secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of secret rules plus the global documentation-placeholder list. The built-in
 * catalogue lives in versioned data files under {@code io/agentdlp/detection/secret/rules/}; user files
 * add rules, replace rules with the same id, or switch rules off with {@code enabled: false}.
 */
public final class RuleCatalog {
    private static final String RESOURCE_DIR = "/io/agentdlp/detection/secret/rules/";
    private static volatile RuleCatalog builtIn;

    private final List<SecretRule> rules;
    private final Map<String, SecretRule> byId;
    private final List<String> placeholders;

    private RuleCatalog(Collection<SecretRule> rules, Collection<String> placeholders) {
        this.rules = List.copyOf(rules);
        Map<String, SecretRule> m = new LinkedHashMap<>();
        for (SecretRule r : this.rules) {
            m.put(r.id(), r);
        }
        this.byId = m;
        this.placeholders = List.copyOf(placeholders);
        for (SecretRule r : this.rules) {
            if (r.requires() != null && !m.containsKey(r.requires())) {
                String[] src = r.source().split(":(?=\\d+$)");
                throw new RuleFileException(src[0], r.id(), Integer.parseInt(src[1]),
                        "requires unknown rule '" + r.requires() + "'");
            }
        }
    }

    /** The catalogue shipped with agentdlp (loaded once, then shared). */
    public static RuleCatalog builtIn() {
        RuleCatalog c = builtIn;
        if (c == null) {
            synchronized (RuleCatalog.class) {
                c = builtIn;
                if (c == null) {
                    c = builtIn = loadBuiltIn();
                }
            }
        }
        return c;
    }

    /** The built-in catalogue merged with user rule files, later files winning. */
    public static RuleCatalog load(Path... userFiles) {
        return builtIn().withFiles(userFiles);
    }

    /** A catalogue made only of the given files (no built-in rules). */
    public static RuleCatalog ofFiles(Path... files) {
        return new RuleCatalog(List.of(), List.of()).withFiles(files);
    }

    /** This catalogue with the rules of {@code files} added or overriding by id, in order. */
    public RuleCatalog withFiles(Path... files) {
        List<RuleFile> parsed = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                parsed.add(RuleFileParser.parse(f.toString(), in));
            } catch (IOException e) {
                throw new RuleFileException(f.toString(), null, 0, "cannot read: " + e.getMessage(), e);
            }
        }
        return with(parsed);
    }

    /** This catalogue with the given parsed files merged in, in order. */
    public RuleCatalog with(List<RuleFile> files) {
        Map<String, SecretRule> merged = new LinkedHashMap<>(byId);
        Set<String> ph = new LinkedHashSet<>(placeholders);
        for (RuleFile f : files) {
            for (String id : f.disabled()) {
                merged.remove(id);
            }
            for (SecretRule r : f.rules()) {
                merged.put(r.id(), r);
            }
            ph.addAll(f.placeholders());
        }
        return new RuleCatalog(merged.values(), ph);
    }

    public List<SecretRule> rules() {
        return rules;
    }

    public Optional<SecretRule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Case-insensitive patterns of documentation placeholders; a secret containing one is not reported. */
    public List<String> placeholders() {
        return placeholders;
    }

    private static RuleCatalog loadBuiltIn() {
        List<RuleFile> files = new ArrayList<>();
        for (String name : resourceLines(RESOURCE_DIR + "index.txt")) {
            try (InputStream in = RuleCatalog.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new RuleFileException(name, null, 0, "built-in rule file missing from the classpath");
                }
                files.add(RuleFileParser.parse(name, in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RuleCatalog(List.of(), List.of()).with(files);
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
