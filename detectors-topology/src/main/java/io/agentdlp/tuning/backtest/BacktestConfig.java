package io.agentdlp.tuning.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.topology.config.ConfigException;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;

/**
 * One side of a backtest: a topology configuration (the properties file the topology runs with:
 * detectors, thresholds, rule files) plus what production would read from compacted topics,
 * given as files under {@code backtest.*} keys:
 * <ul>
 *   <li>{@code backtest.policy.files}: comma-separated policy files published on {@code dlp-policies}
 *       (default: the shipped default policy; empty: no policy);</li>
 *   <li>{@code backtest.code.index.dir} and {@code backtest.code.index.repo}: a source tree indexed
 *       into {@code dlp-code-index} (default: empty index).</li>
 * </ul>
 * Relative paths (also of {@code secret.rules.file} and {@code risky.rules.file}) are resolved
 * against the file's directory. Environment variables are ignored, so a backtest gives the same
 * result in any shell.
 *
 * @param name      how reports name this side (the file as given, or {@code defaults})
 * @param topology  the topology options
 * @param policies  policy documents in force
 * @param codeIndex source tree of the own-code index, or null
 * @param codeRepo  repository name of the indexed tree
 */
public record BacktestConfig(String name, TopologyConfig topology, List<PolicyDocument> policies, Path codeIndex,
                             String codeRepo) {
    public static final String PREFIX = "backtest.";
    public static final String POLICY_FILES = "backtest.policy.files";
    public static final String CODE_INDEX_DIR = "backtest.code.index.dir";
    public static final String CODE_INDEX_REPO = "backtest.code.index.repo";
    private static final String DEFAULT_POLICY = "default-policy.yaml";

    public BacktestConfig {
        policies = List.copyOf(policies);
    }

    /** Topology defaults with the shipped default policy. */
    public static BacktestConfig defaults() {
        return new BacktestConfig("defaults", TopologyConfig.from(new Properties(), Map.of()), List.of(shippedPolicy()),
                null, null);
    }

    public static BacktestConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read backtest configuration " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Properties topology = new Properties();
        List<PolicyDocument> policies = List.of(shippedPolicy());
        Path index = null;
        String repo = "own-code";
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            switch (key) {
                case POLICY_FILES -> policies = policies(value, dir);
                case CODE_INDEX_DIR -> index = dir.resolve(value);
                case CODE_INDEX_REPO -> repo = value;
                default -> {
                    if (key.startsWith(PREFIX)) {
                        throw new ConfigException(file + ": unknown option '" + key + "' (backtest options: "
                                + POLICY_FILES + ", " + CODE_INDEX_DIR + ", " + CODE_INDEX_REPO + ")");
                    }
                    boolean path = key.equals(TopologyOptions.SECRET_RULES_FILE.key())
                            || key.equals(TopologyOptions.RISKY_RULES_FILE.key());
                    topology.setProperty(key, path && !value.isEmpty() ? dir.resolve(value).toString() : value);
                }
            }
        }
        try {
            return new BacktestConfig(file.toString(), TopologyConfig.from(topology, Map.of()), policies, index, repo);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<PolicyDocument> policies(String list, Path dir) {
        List<PolicyDocument> out = new ArrayList<>();
        for (String f : list.split(",")) {
            if (!f.isBlank()) {
                out.add(PolicyFile.load(dir.resolve(f.trim())));
            }
        }
        return out;
    }

    /** The default policy shipped in the detection library (what the dev stack publishes). */
    public static PolicyDocument shippedPolicy() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_POLICY)) {
            if (in == null) {
                throw new IllegalStateException("the shipped " + DEFAULT_POLICY + " is missing from the classpath");
            }
            return PolicyFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_POLICY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped " + DEFAULT_POLICY, e);
        }
    }
}
