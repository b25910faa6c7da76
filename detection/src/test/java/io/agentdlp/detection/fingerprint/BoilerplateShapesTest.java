package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateShapesTest {
    private static final Fingerprinter FINGERPRINTER = Fingerprinter.withDefaults();
    private static final BoilerplateShapes SHAPES = BoilerplateShapes.forConfig(FingerprintConfig.DEFAULT);

    /** Written for this test with domain names; the corpus holds the templates only. */
    private static final String KOTLIN_EQUALS = """
                override fun equals(other: Any?): Boolean {
                    if (this === other) return true
                    if (other !is Invoice) return false
                    if (number != other.number) return false
                    if (customer != other.customer) return false
                    if (!lines.contentEquals(other.lines)) return false
                    if (dueDate != other.dueDate) return false
                    return true
                }

                override fun hashCode(): Int {
                    var result = number.hashCode()
                    result = 31 * result + customer.hashCode()
                    result = 31 * result + lines.contentHashCode()
                    result = 31 * result + (dueDate?.hashCode() ?: 0)
                    return result
                }
            """;

    private static final String JAVA_EQUALS = """
                @Override
                public boolean equals(Object o) {
                    if (this == o) return true;
                    if (o == null || getClass() != o.getClass()) return false;
                    Shipment shipment = (Shipment) o;
                    return weightGrams == shipment.weightGrams && express == shipment.express
                            && Double.compare(shipment.volume, volume) == 0 && Objects.equals(carrier, shipment.carrier)
                            && Objects.equals(trackingId, shipment.trackingId) && Objects.equals(destination, shipment.destination);
                }

                @Override
                public int hashCode() {
                    return Objects.hash(weightGrams, express, volume, carrier, trackingId, destination);
                }
            """;

    private static final String JAVA_ACCESSORS = """
                public String getCarrier() {
                    return carrier;
                }

                public void setCarrier(String carrier) {
                    this.carrier = carrier;
                }

                public boolean isExpress() {
                    return express;
                }

                public void setExpress(boolean express) {
                    this.express = express;
                }
            """;

    private static final String BUSINESS_LOGIC = """
                long backoff = initialBackoffMillis;
                for (int attempt = 1; ; attempt++) {
                    try {
                        return ledger.post(entry.withAttempt(attempt));
                    } catch (TransientLedgerException e) {
                        if (attempt >= maxAttempts || clock.millis() + backoff > deadline) {
                            throw new LedgerUnavailableException(entry.id(), attempt, e);
                        }
                        sleeper.sleep(backoff);
                        backoff = Math.min(maxBackoffMillis, backoff * 2 + jitter.nextInt(50));
                    }
                }
            """;

    @Test
    void generatedEqualsHashCodeAndAccessorsAreBoilerplateWhateverTheNames() {
        assertThat(SHAPES.size()).isGreaterThan(1000);
        assertAllBoilerplate(KOTLIN_EQUALS);
        assertAllBoilerplate(JAVA_EQUALS);
        assertAllBoilerplate(JAVA_ACCESSORS);
        assertAllBoilerplate("""
                    constructor(id, owner, amount, tags) {
                        this.id = id;
                        this.owner = owner;
                        this.amount = amount;
                        this.tags = tags;
                    }
                """);
        assertAllBoilerplate("""
                    const htmlEscapes = {
                      '&': '&amp;',
                      '<': '&lt;',
                      '>': '&gt;',
                      '"': '&quot;',
                      "'": '&#39;'
                    };
                """);
    }

    @Test
    void ordinaryCodeIsNotBoilerplate() {
        Fingerprints f = FINGERPRINTER.fingerprint(BUSINESS_LOGIC);
        assertThat(f.size()).isGreaterThan(10);
        for (int i = 0; i < f.size(); i++) {
            assertThat(SHAPES.contains(Fingerprints.shapeOf(f.hash(i)))).as("fingerprint %d", i).isFalse();
        }
    }

    @Test
    void noneSuppressesNothing() {
        Fingerprints f = FINGERPRINTER.fingerprint(KOTLIN_EQUALS);
        for (int i = 0; i < f.size(); i++) {
            assertThat(BoilerplateShapes.NONE.contains(Fingerprints.shapeOf(f.hash(i)))).isFalse();
        }
    }

    @Test
    void theShapesFollowTheConfiguration() {
        BoilerplateShapes k12 = BoilerplateShapes.forConfig(FingerprintConfig.of(12, 3));
        Fingerprints f = new Fingerprinter(FingerprintConfig.of(12, 3)).fingerprint(KOTLIN_EQUALS);
        for (int i = 0; i < f.size(); i++) {
            assertThat(k12.contains(Fingerprints.shapeOf(f.hash(i)))).isTrue();
        }
        assertThat(BoilerplateShapes.forConfig(FingerprintConfig.DEFAULT)).isSameAs(SHAPES);
    }

    @Test
    void deBruijnSequencesHoldEveryRun() {
        int[] seq = BoilerplateCorpus.deBruijn(5, 3);
        java.util.Set<Integer> runs = new java.util.HashSet<>();
        for (int i = 0; i + 3 <= seq.length; i++) {
            runs.add(seq[i] * 25 + seq[i + 1] * 5 + seq[i + 2]);
        }
        assertThat(runs).hasSize(125);
        assertThat(seq).hasSize(125 + 2);
    }

    private static void assertAllBoilerplate(String text) {
        Fingerprints f = FINGERPRINTER.fingerprint(text);
        assertThat(f.size()).isGreaterThan(0);
        for (int i = 0; i < f.size(); i++) {
            assertThat(SHAPES.contains(Fingerprints.shapeOf(f.hash(i))))
                    .as("fingerprint %d of lines %d-%d", i, f.startLine(i), f.endLine(i)).isTrue();
        }
    }
}
