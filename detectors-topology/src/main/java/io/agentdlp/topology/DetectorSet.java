package io.agentdlp.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.pii.PiiDetector;
import io.agentdlp.topology.policy.DestinationPolicyDetector;
import io.agentdlp.topology.risky.HostClassifier;
import io.agentdlp.topology.risky.RiskyActionDetector;
import io.agentdlp.topology.risky.RiskyActionRules;
import io.agentdlp.topology.risky.RiskyActionStage;
import io.agentdlp.topology.secret.SecretDetector;
import io.agentdlp.topology.sensor.SensorFindingsDetector;

/**
 * The detectors configured for one topology, built once (rule catalogues compiled once, shared by
 * every task and by the HTTP verdict endpoint) and handed to each task as a fresh content stage.
 */
public final class DetectorSet {
    private static final Logger log = LoggerFactory.getLogger(DetectorSet.class);
    private static final String DEVELOPMENT_HASH_KEY = "agentdlp-development-only-hash-key";

    private final TopologyConfig config;
    private final DlpMetrics metrics;
    private final KeyedHasher hasher;
    private final SecretScanner secrets;
    private final PiiScanner pii;
    private final RiskyActionDetector risky;
    private final HostClassifier hosts;

    private DetectorSet(TopologyConfig config, DlpMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        String key = config.string(TopologyOptions.HASH_KEY);
        if (key.isEmpty()) {
            log.warn("event=development_hash_key option=hash.key env=AGENTDLP_HASH_KEY "
                    + "message=\"evidence hashes use a public development key; set a deployment key in production\"");
            key = DEVELOPMENT_HASH_KEY;
        }
        this.hasher = KeyedHasher.fromSecret(key);
        RuleCatalog catalog = RuleCatalog.builtIn();
        String extra = config.string(TopologyOptions.SECRET_RULES_FILE);
        if (!extra.isEmpty()) {
            catalog = catalog.withFiles(Path.of(extra));
        }
        int maxChars = (int) Math.min(Integer.MAX_VALUE, config.bytes(TopologyOptions.SCAN_MAX_BYTES));
        this.secrets = SecretScanner.builder().catalog(catalog).hasher(hasher).maxScanChars(maxChars).build();
        this.pii = new PiiScanner(hasher, new PiiOptions(config.integer(TopologyOptions.PII_BULK_MIN_VALUES),
                config.string(TopologyOptions.PII_PHONE_REGION), maxChars, config.integer(TopologyOptions.PII_MAX_FINDINGS)));
        RiskyActionRules rules = RiskyActionRules.builtIn();
        String riskyFile = config.string(TopologyOptions.RISKY_RULES_FILE);
        if (!riskyFile.isEmpty()) {
            rules = rules.withFile(Path.of(riskyFile));
        }
        this.hosts = new HostClassifier(config.list(TopologyOptions.RISKY_INTERNAL_HOSTS));
        this.risky = new RiskyActionDetector(rules, hosts, new HashSet<>(config.list(TopologyOptions.RISKY_KNOWN_REMOTES)));
    }

    public static DetectorSet from(TopologyConfig config, DlpMetrics metrics) {
        return new DetectorSet(config, metrics);
    }

    public SecretScanner secrets() {
        return secrets;
    }

    /** The personal-data scanner, or null when {@code detector.pii.enabled=false}. */
    public PiiScanner pii() {
        return config.bool(TopologyOptions.PII_ENABLED) ? pii : null;
    }

    /** Single personal values below this severity only count toward bulk. */
    public io.agentdlp.detection.Severity piiMinSeverity() {
        return config.piiMinSeverity();
    }

    public KeyedHasher hasher() {
        return hasher;
    }

    public HostClassifier hosts() {
        return hosts;
    }

    public RiskyActionDetector risky() {
        return risky;
    }

    /**
     * The content stage of one task, in order: secrets, personal data, sensor findings, risky actions, then the
     * destination policy (which needs to know whether the content was sensitive). {@code extra}
     * detectors (own code) run before the policy.
     */
    public List<Detector> contentStage(List<Detector> extra) {
        List<Detector> out = new ArrayList<>();
        if (config.bool(TopologyOptions.SECRET_ENABLED)) {
            out.add(new SecretDetector(secrets, metrics));
        }
        if (config.bool(TopologyOptions.PII_ENABLED)) {
            out.add(new PiiDetector(pii, config.piiMinSeverity()));
        }
        out.addAll(extra);
        if (config.bool(TopologyOptions.SENSOR_FINDINGS_ENABLED)) {
            out.add(new SensorFindingsDetector());
        }
        if (config.bool(TopologyOptions.RISKY_ENABLED)) {
            out.add(new RiskyActionStage(risky));
        }
        if (config.bool(TopologyOptions.POLICY_ENABLED)) {
            out.add(new DestinationPolicyDetector(config.bytes(TopologyOptions.POLICY_MAX_CONTENT_BYTES)));
        }
        return out;
    }
}
