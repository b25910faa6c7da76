package io.agentdlp.topology.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.pii.PiiScanResult;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.secret.ScanResult;
import io.agentdlp.detection.shell.CommandAnalysis;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.detection.shell.NetworkCommands;
import io.agentdlp.topology.DetectorSet;
import io.agentdlp.topology.code.CodeIndexStore;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.EgressRequest;
import io.agentdlp.topology.policy.PolicyBook;
import io.agentdlp.topology.policy.PolicyDecision;
import io.agentdlp.topology.policy.PolicyView;
import io.agentdlp.topology.risky.RiskyActionDetector;
import io.agentdlp.topology.risky.RiskyActionRule;

/**
 * Inline decisions for the sensor and the proxy: the same secret and personal-data scanners, code index, risky-action
 * rules and policies as the topology, on one text. Suggested decision: deny when sensitive content
 * (a HIGH or CRITICAL secret, or own code) or a HIGH or CRITICAL risky action goes to a destination the
 * policy does not allow, or a policy rule denies the destination outright; warn on any other finding,
 * risky action or non-allow effect; else allow.
 */
public final class VerdictService {
    private final DetectorSet detectors;
    private final StreamsView view;
    private final PolicyView policies;
    private final long maxScanChars;
    private final int highSeverityLines;
    private final boolean codeEnabled;
    private final DlpMetrics metrics;
    private PolicyView.Reader reader;

    public VerdictService(DetectorSet detectors, StreamsView view, PolicyView policies, long maxScanChars,
                          int highSeverityLines, boolean codeEnabled, DlpMetrics metrics) {
        this.detectors = detectors;
        this.view = view;
        this.policies = policies;
        this.maxScanChars = maxScanChars;
        this.highSeverityLines = highSeverityLines;
        this.codeEnabled = codeEnabled;
        this.metrics = metrics;
    }

    public VerdictResponse decide(VerdictRequest q) {
        String text = q.text() == null ? "" : q.text();
        boolean truncated = text.length() > maxScanChars;
        if (truncated) {
            text = text.substring(0, (int) maxScanChars);
        }
        ScanResult secrets = detectors.secrets().scan(text);
        List<VerdictResponse.FindingView> findings = new ArrayList<>();
        Severity max = null;
        boolean sensitive = false;
        for (Finding f : secrets.findings()) {
            findings.add(new VerdictResponse.FindingView(f.detector(), f.ruleId(), f.severity().name(), f.redactedPreview(),
                    f.keyedHash(), f.line() > 0 ? f.line() : null, f.column() > 0 ? f.column() : null));
            max = max(max, f.severity());
            sensitive |= f.severity().ordinal() >= Severity.HIGH.ordinal();
        }
        if (detectors.pii() != null) {
            PiiScanResult pii = detectors.pii().scan(text);
            for (Finding f : pii.findings()) {
                if (!pii.bulk() && f.severity().ordinal() < detectors.piiMinSeverity().ordinal()) {
                    continue;
                }
                if (pii.bulk() && !f.ruleId().equals(PiiScanner.BULK_RULE)) {
                    continue;
                }
                findings.add(new VerdictResponse.FindingView(f.detector(), f.ruleId(), f.severity().name(),
                        f.redactedPreview(), f.keyedHash(), f.line() > 0 ? f.line() : null, f.column() > 0 ? f.column() : null));
                max = max(max, f.severity());
                sensitive |= f.severity().ordinal() >= Severity.HIGH.ordinal();
            }
        }
        String codeIndex = "disabled";
        List<VerdictResponse.CodeMatchView> code = new ArrayList<>();
        if (codeEnabled) {
            Optional<CodeIndexStore> index = view.codeIndex();
            codeIndex = index.isPresent() ? "global" : "unavailable";
            if (index.isPresent() && !text.isEmpty()) {
                for (CodeMatch m : index.get().query(text)) {
                    Severity s = m.sourceLines() >= highSeverityLines || m.similarity() >= 0.8 ? Severity.HIGH : Severity.MEDIUM;
                    code.add(new VerdictResponse.CodeMatchView(m.repo(), m.sourcePath(),
                            List.of(m.sourceStartLine(), m.sourceEndLine()), List.of(m.probeStartLine(), m.probeEndLine()),
                            m.similarity(), m.matchedFingerprints(), s.name()));
                    max = max(max, s);
                    sensitive = true;
                }
            }
        }
        CommandAnalysis command = NetworkCommands.analyze(q.command());
        List<String> risky = new ArrayList<>();
        boolean riskyHigh = false;
        if (q.command() != null || q.toolInput() != null) {
            for (RiskyActionRule r : detectors.risky().detect(new RiskyActionDetector.Input(q.command(), command,
                    q.toolInput(), q.filePath(), q.repoRemote()))) {
                risky.add(r.id());
                max = max(max, r.severity());
                riskyHigh |= r.severity().ordinal() >= Severity.HIGH.ordinal();
            }
        }
        VerdictResponse.PolicyView policyView = null;
        PolicyDecision decision = null;
        List<Endpoint> endpoints = new ArrayList<>();
        if (q.destination() != null && !q.destination().isBlank()) {
            String d = q.destination().trim();
            Endpoint.fromUrl(d.contains("://") ? d : "https://" + d).ifPresent(endpoints::add);
        }
        endpoints.addAll(command.endpoints());
        PolicyBook book = book();
        for (Endpoint e : endpoints) {
            PolicyDecision pd = book.decide(new EgressRequest(q.userId(), q.userEmail(), q.groups(), q.deviceId(),
                    q.agentName(), q.agentVersion(), q.toolName(), q.toolCategory(), q.mcpServer(), e, null, q.repoRemote(),
                    q.filePath(), text.length(), sensitive));
            if (decision == null || pd.strictness() > decision.strictness()) {
                decision = pd;
                policyView = new VerdictResponse.PolicyView(e.host(), pd.effect().name(), pd.policyId(), pd.version(),
                        pd.ruleId(), pd.reason());
            }
        }
        String verdict;
        boolean denied = decision != null && !decision.allowed();
        if ((denied && (sensitive || riskyHigh)) || (decision != null && decision.effect() == io.agentdlp.detection.policy.Effect.DENY
                && !decision.ruleId().equals("default"))) {
            verdict = "deny";
        } else if (!findings.isEmpty() || !code.isEmpty() || !risky.isEmpty() || denied) {
            verdict = "warn";
        } else {
            verdict = "allow";
        }
        metrics.verdict(verdict);
        return new VerdictResponse(verdict, max == null ? null : max.name(), findings, code, risky, policyView,
                truncated || secrets.truncated(), text.length(), codeIndex);
    }

    private synchronized PolicyBook book() {
        if (reader == null) {
            var store = view.policies();
            if (store.isEmpty()) {
                return PolicyBook.EMPTY;
            }
            reader = policies.reader(store.get());
        }
        return reader.current();
    }

    private static Severity max(Severity a, Severity b) {
        return a == null || b.ordinal() > a.ordinal() ? b : a;
    }
}
