package io.agentdlp.bench.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.agentdlp.avro.Repo;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.HookAgent;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.normalize.NormalizationException;
import io.agentdlp.ingest.normalize.NormalizedHook;
import io.agentdlp.ingest.normalize.RepoLookup;
import io.agentdlp.ingest.policy.PolicyBundle;
import io.agentdlp.ingest.policy.PolicySubject;
import io.agentdlp.ingest.sensor.Decision;
import io.agentdlp.ingest.sensor.InlineDecider;
import io.agentdlp.ingest.sensor.SeverityModes;
import io.agentdlp.ingest.policy.EnforcedPolicy;
import io.agentdlp.ingest.policy.PolicySettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one policy decision against a policy of N rules that constrain users, groups, agents,
 * tools, MCP servers, destinations, repositories and paths with a mix of exact and glob patterns
 * ({@link #decide}), and of the sensor's whole in-process decision for a 20 KB hook ({@link #hook20k}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyEngineBenchmark {
    @Param({"100", "1000"})
    int rules;

    private PolicyEngine engine;
    private PolicyRequest[] requests;
    private int next;
    private HookNormalizer normalizer;
    private InlineDecider decider;
    private byte[] hookBody;

    @Setup
    public void setup() {
        Random rnd = new Random(42);
        engine = new PolicyEngine(SyntheticPolicy.rules(rules, rnd));
        DeviceContext device = new DeviceContext("dev-1", "laptop", "linux", "user7", "user7@acme.com");
        EnforcedPolicy policy = new EnforcedPolicy(device, Clock.systemUTC());
        policy.install(new PolicyBundle(engine.document(), PolicySubject.unbound()), "bench");
        decider = new InlineDecider(SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(KeyedHasher.fromSecret("policy-benchmark-keyed-hash-key")).build(),
                null, Duration.ofMillis(15), false, SeverityModes.defaults(), policy, PolicySettings.AskFallback.DENY);
        RepoLookup repos = cwd -> new Repo("git@github.com:acme/repo7.git", "main");
        normalizer = new HookNormalizer(device, repos, ContentFactory.standard(), Clock.systemUTC());
        hookBody = SyntheticPolicy.writeHook().getBytes(StandardCharsets.UTF_8);
        requests = PolicyDecisionCpu.requests(rnd);
    }

    @Benchmark
    public PolicyDecision decide() {
        return engine.decide(requests[next++ & 1023]);
    }

    /**
     * What the sensor does for one blockable hook minus HTTP and the spool: normalize a 20 KB
     * PreToolUse Write, scan it for secrets, decide the policy of N rules.
     */
    @Benchmark
    public Decision hook20k() throws NormalizationException {
        NormalizedHook hook = normalizer.normalize(HookAgent.CLAUDE_CODE, null, hookBody);
        return decider.decide(hook.events(), true).decision();
    }
}
