package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.EventKind;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.topology.code.CodeIndexStore;

class CodeIndexTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static List<DlpAlert> codeAlerts(TopologyFixture f) {
        return f.alerts().stream().filter(a -> a.getDetector().equals("code-fingerprint")).toList();
    }

    private static String prompt(String snippet) {
        return "Can you explain why this fails?\n\n```java\n" + snippet + "\n```\nThanks!";
    }

    @Test
    void ownCodeInAPromptMatchesTheIndexedFileAndTombstonesRemoveIt() {
        try (TopologyFixture f = new TopologyFixture(io.agentdlp.topology.config.TopologyConfig.defaults()
                .with("dedup.enabled", "false"))) {
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
            assertThat(f.topology.codeIndex().documents()).isEqualTo(1);

            f.send(Events.prompt(T0, prompt(CodeSamples.lines(26, 45))));
            List<DlpAlert> alerts = codeAlerts(f);
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.getRuleId()).isEqualTo("own-code");
                assertThat(a.getCodeMatch().getRepo()).isEqualTo(CodeSamples.REPO);
                assertThat(a.getCodeMatch().getSourcePath()).isEqualTo(CodeSamples.PATH);
                assertThat(a.getCodeMatch().getSourceStartLine()).isBetween(24, 30);
                assertThat(a.getCodeMatch().getSourceEndLine()).isBetween(40, 46);
                assertThat(a.getCodeMatch().getMatchedFingerprints()).isGreaterThan(3);
                assertThat(a.getEvidence().get(0).getRedactedPreview()).startsWith("payments/src/main/java");
            });

            // Unrelated code does not match.
            f.send(Events.prompt(T0.plusSeconds(1), prompt("def add(a, b):\n    return a + b\n\nprint(add(2, 3))\n")));
            assertThat(codeAlerts(f)).isEmpty();

            // The file is deleted from the index: the same snippet no longer matches, without a restart.
            f.codeIndex.pipeInput(CodeSamples.key(), null);
            assertThat(f.topology.codeIndex().documents()).isZero();
            f.send(Events.prompt(T0.plusSeconds(2), prompt(CodeSamples.lines(26, 45))));
            assertThat(codeAlerts(f)).isEmpty();
        }
    }

    @Test
    void aNewIndexVersionReplacesTheFile() {
        try (TopologyFixture f = TopologyFixture.defaults()) {
            String v1 = CodeSamples.source();
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(v1, 1));
            // Version 2 of the file keeps only the constructor; the reconcile method is gone.
            String v2 = CodeSamples.lines(1, 24) + "\n}\n";
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(v2, 2));
            f.send(Events.prompt(T0, prompt(CodeSamples.lines(26, 45))));
            assertThat(codeAlerts(f)).isEmpty();
            f.send(Events.prompt(T0.plusSeconds(1), prompt(CodeSamples.lines(12, 24))));
            assertThat(codeAlerts(f)).singleElement()
                    .satisfies(a -> assertThat(a.getCodeMatch().getSourceEndLine()).isLessThanOrEqualTo(24));
            assertThat(f.metrics.registry().get("dlp.code.index.version").gauge().value()).isEqualTo(2.0);
        }
    }

    @Test
    void privacyModeEventsMatchThroughTheirFingerprints() {
        try (TopologyFixture f = TopologyFixture.defaults()) {
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
            Fingerprints fp = Fingerprinter.withDefaults().fingerprint(prompt(CodeSamples.lines(26, 45)));
            List<Long> hashes = new java.util.ArrayList<>();
            List<Integer> lines = new java.util.ArrayList<>();
            for (int i = 0; i < fp.size(); i++) {
                hashes.add(fp.hash(i));
                lines.add(fp.startLine(i));
            }
            f.send(Events.base(T0, EventKind.prompt).setPrivacyMode(true)
                    .setContent(io.agentdlp.avro.Content.newBuilder().setBytes(900).setField("prompt").build())
                    .setFingerprints(ContentFingerprints.newBuilder().setK(Fingerprinter.withDefaults().config().k())
                            .setW(Fingerprinter.withDefaults().config().w()).setHashes(hashes).setLines(lines).build())
                    .build());
            assertThat(codeAlerts(f)).singleElement()
                    .satisfies(a -> assertThat(a.getCodeMatch().getSourcePath()).isEqualTo(CodeSamples.PATH));
        }
    }

    /** A small value class: its getters are repetitive code with few distinct shapes. */
    private static final String CUSTOMER = """
            package shop.model;

            public final class Customer {
                private final String firstName;
                private final String lastName;
                private final String street;
                private final String city;
                private final String country;
                private final int loyaltyPoints;

                public String getFirstName() { return firstName; }
                public String getLastName() { return lastName; }
                public String getStreet() { return street; }
                public String getCity() { return city; }
                public String getCountry() { return country; }
                public Customer withLoyaltyPoints(int points) {
                    return new Customer(firstName, lastName, street, city, country, points);
                }
            }
            """;

    /** The getters of {@link #CUSTOMER} with every name changed, sent alone. */
    private static final String RENAMED_GETTERS = """
            public Text a1() { return b1; }
            public Text a2() { return b2; }
            public Text a3() { return b3; }
            public Text a4() { return b4; }
            public Text a5() { return b5; }
            """;

    @Test
    void theRenamedCoverageOptionsReachTheIndexQuery() {
        io.agentdlp.topology.config.TopologyConfig base = io.agentdlp.topology.config.TopologyConfig.defaults();
        assertThat(renamedGettersMatch(base)).as("defaults: renamed code that is the whole text matches").isTrue();
        assertThat(renamedGettersMatch(base.with("code.renamed.coverage", "0")))
                .as("coverage rule off: too few distinct shapes").isFalse();
        assertThat(renamedGettersMatch(base.with("code.min.covering.fingerprints", "50")))
                .as("more covering hits required than the text has").isFalse();
    }

    private static boolean renamedGettersMatch(io.agentdlp.topology.config.TopologyConfig config) {
        try (TopologyFixture f = new TopologyFixture(config)) {
            f.codeIndex.pipeInput(io.agentdlp.detection.fingerprint.CodeIndexCodec.key("shop", "model/Customer.java"),
                    io.agentdlp.avro.CodeIndexRecord.newBuilder(CodeSamples.record(CUSTOMER, 1)).setRepo("shop")
                            .setSourcePath("model/Customer.java").build());
            f.send(Events.prompt(T0, RENAMED_GETTERS));
            return !codeAlerts(f).isEmpty();
        }
    }

    @Test
    void theIndexIsQueryableAsAStateStore() {
        try (TopologyFixture f = TopologyFixture.defaults()) {
            f.codeIndex.pipeInput(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
            CodeIndexStore store = (CodeIndexStore) f.driver.getStateStore(DlpTopology.CODE_INDEX_STORE);
            assertThat(store.query(CodeSamples.lines(26, 45))).isNotEmpty();
            assertThat(store.indexStats().repos()).isEqualTo(1);
        }
    }
}
