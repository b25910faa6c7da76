package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintIndexTest {
    private static final FingerprintConfig CONFIG = FingerprintConfig.DEFAULT;
    private static final IndexOptions OPTIONS = IndexOptions.DEFAULT.withFingerprint(CONFIG)
            .withBlockCacheBytes(16 << 20).withWriteBufferBytes(8 << 20);
    private static final MatchThresholds THRESHOLDS = MatchThresholds.DEFAULT;

    @TempDir
    Path dir;

    private final Fingerprinter fingerprinter = new Fingerprinter(CONFIG);

    private IndexedDocument doc(String repo, String path, String content) {
        return IndexedDocument.create(repo, path, content.getBytes(StandardCharsets.UTF_8), fingerprinter, false, null, 1);
    }

    private static String lines(String text, int from, int to) {
        String[] all = text.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(all, from - 1, to)) + "\n";
    }

    @Test
    void findsTheFileAndLinesASnippetCameFrom() {
        String a = SyntheticCode.java(1, 12);
        String b = SyntheticCode.java(2, 12);
        String c = SyntheticCode.python(3, 10);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            assertThat(index.put(doc("shop", "src/A.java", a))).isEqualTo(FingerprintIndex.PutResult.ADDED);
            index.put(doc("shop", "src/B.java", b));
            index.put(doc("tools", "c.py", c));
            String snippet = lines(b, 30, 55);
            List<CodeMatch> matches = index.query("Can you optimise this?\n```java\n" + snippet + "```\n", THRESHOLDS);
            assertThat(matches).isNotEmpty();
            CodeMatch top = matches.get(0);
            assertThat(top.repo()).isEqualTo("shop");
            assertThat(top.sourcePath()).isEqualTo("src/B.java");
            assertThat(top.sourceStartLine()).isBetween(30, 34);
            assertThat(top.sourceEndLine()).isBetween(51, 55);
            assertThat(top.probeStartLine()).isBetween(3, 7);
            assertThat(top.probeEndLine()).isBetween(24, 28);
            assertThat(top.similarity()).isGreaterThan(0.9);
            assertThat(top.contiguous()).isTrue();
            assertThat(index.query(lines(c, 5, 25), THRESHOLDS)).extracting(CodeMatch::sourcePath).first().isEqualTo("c.py");
            assertThat(index.query(SyntheticCode.java(99, 6), THRESHOLDS)).isEmpty();
        }
    }

    @Test
    void putIsIdempotentReplacesChangedContentAndRemoveForgets() {
        String v1 = SyntheticCode.java(10, 10);
        String v2 = SyntheticCode.java(11, 10);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            assertThat(index.put(doc("r", "X.java", v1))).isEqualTo(FingerprintIndex.PutResult.ADDED);
            assertThat(index.put(doc("r", "X.java", v1))).isEqualTo(FingerprintIndex.PutResult.UNCHANGED);
            assertThat(index.query(v1, THRESHOLDS)).hasSize(1);
            assertThat(index.put(doc("r", "X.java", v2))).isEqualTo(FingerprintIndex.PutResult.REPLACED);
            assertThat(index.query(v1, THRESHOLDS)).isEmpty();
            assertThat(index.query(v2, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("X.java");
            assertThat(index.remove("r", "X.java")).isTrue();
            assertThat(index.remove("r", "X.java")).isFalse();
            assertThat(index.query(v2, THRESHOLDS)).isEmpty();
            assertThat(index.files("r")).isEmpty();
        }
    }

    @Test
    void ignoreCorpusAndCommonFingerprintsAreNotEvidence() {
        String boilerplate = SyntheticCode.java(20, 8);
        String own = SyntheticCode.java(21, 8);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(doc("app", "Own.java", own + boilerplate));
            index.put(IndexedDocument.create("app", "vendor/Lib.java", boilerplate.getBytes(StandardCharsets.UTF_8),
                    fingerprinter, true, null, 1));
            assertThat(index.query(boilerplate, THRESHOLDS)).isEmpty();
            assertThat(index.query(own, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("Own.java");

            String shared = SyntheticCode.java(22, 6);
            for (int i = 0; i < 5; i++) {
                index.put(doc("copies", "Copy" + i + ".java", SyntheticCode.java(100 + i, 3) + shared));
            }
            assertThat(index.query(shared, THRESHOLDS.withMaxDocumentFrequency(4))).isEmpty();
            assertThat(index.query(shared, THRESHOLDS.withMaxDocumentFrequency(5))).hasSize(5);
        }
    }

    @Test
    void codeThatIsNoLongerCommonAfterRemovalsIsEvidenceAgain() {
        String shared = SyntheticCode.java(23, 6);
        MatchThresholds fourFiles = THRESHOLDS.withMaxDocumentFrequency(4);
        List<CodeMatch> fresh;
        try (FingerprintIndex index = FingerprintIndex.open(dir.resolve("fresh"), OPTIONS)) {
            for (int i = 2; i < 5; i++) {
                index.put(doc("copies", "Copy" + i + ".java", SyntheticCode.java(200 + i, 3) + shared));
            }
            fresh = index.query(shared, fourFiles);
        }
        assertThat(fresh).extracting(CodeMatch::sourcePath).containsExactlyInAnyOrder("Copy2.java", "Copy3.java", "Copy4.java");
        try (FingerprintIndex index = FingerprintIndex.open(dir.resolve("shrunk"), OPTIONS)) {
            for (int i = 0; i < 5; i++) {
                index.put(doc("copies", "Copy" + i + ".java", SyntheticCode.java(200 + i, 3) + shared));
            }
            // asked twice: the second answer comes from the rows already known to be common
            assertThat(index.query(shared, fourFiles)).isEmpty();
            assertThat(index.query(shared, fourFiles)).isEmpty();

            assertThat(index.remove("copies", "Copy0.java")).isTrue();
            assertThat(index.remove("copies", "Copy1.java")).isTrue();
            assertThat(index.query(shared, fourFiles)).as("as if the removed files had never been indexed").isEqualTo(fresh);
        }
    }

    /** Own code: a method of real logic next to the equals/hashCode an IDE generates for any class. */
    private static final String SHIPMENT = """
            package logistics;

            public final class Shipment {
                Quote quote(Route route, Parcel parcel, Clock clock) {
                    long chargeable = Math.max(parcel.weightGrams(), parcel.volumeCm3() / VOLUMETRIC_DIVISOR);
                    Money base = route.tariff().priceFor(chargeable).plus(route.zoneSurcharge(parcel.destination()));
                    if (parcel.isHazardous() && !route.acceptsHazardous()) {
                        throw new RouteRejectedException(route.id(), "hazardous goods on " + route.carrier());
                    }
                    Instant cutoff = route.cutoff().atDate(LocalDate.now(clock)).toInstant(route.zone());
                    int extraDays = clock.instant().isAfter(cutoff) ? 1 : 0;
                    return new Quote(base.multiply(fuelIndex.current()), route.transitDays() + extraDays);
                }

                @Override
                public boolean equals(Object o) {
                    if (this == o) return true;
                    if (o == null || getClass() != o.getClass()) return false;
                    Shipment shipment = (Shipment) o;
                    return weightGrams == shipment.weightGrams && Objects.equals(carrier, shipment.carrier)
                            && Objects.equals(trackingId, shipment.trackingId);
                }

                @Override
                public int hashCode() {
                    return Objects.hash(weightGrams, carrier, trackingId);
                }
            }
            """;

    @Test
    void generatedBoilerplateIsNotEvidenceButALeakAroundItIsFound(@TempDir Path plain) {
        String equalsAndHashCode = lines(SHIPMENT, 15, 27);
        String logicAndEquals = lines(SHIPMENT, 5, 27);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(doc("logistics", "Shipment.java", SHIPMENT));
            assertThat(index.query(equalsAndHashCode, THRESHOLDS)).as("generated code copied verbatim").isEmpty();
            List<CodeMatch> leak = index.query("Why is this quote wrong?\n```java\n" + logicAndEquals + "```\n", THRESHOLDS);
            assertThat(leak).extracting(CodeMatch::sourcePath).containsExactly("Shipment.java");
            assertThat(leak.get(0).sourceStartLine()).isBetween(5, 7);
            assertThat(leak.get(0).sourceEndLine()).as("the equals lines are not evidence").isBetween(12, 18);
        }
        try (FingerprintIndex index = FingerprintIndex.open(plain, OPTIONS.withBuiltInIgnore(false))) {
            index.put(doc("logistics", "Shipment.java", SHIPMENT));
            assertThat(index.query(equalsAndHashCode, THRESHOLDS)).as("the switch turns the built-in corpus off")
                    .extracting(CodeMatch::sourcePath).containsExactly("Shipment.java");
        }
    }

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

    /** The getters of {@link #CUSTOMER} with every name changed: repetitive, few distinct shapes. */
    private static final String RENAMED_GETTERS = """
            public Text a1() { return b1; }
            public Text a2() { return b2; }
            public Text a3() { return b3; }
            public Text a4() { return b4; }
            public Text a5() { return b5; }
            """;

    @Test
    void renamedCodeThatIsTheWholeProbeNeedsFewerShapes() {
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(doc("shop", "model/Customer.java", CUSTOMER));
            index.put(doc("shop", "Other.java", SyntheticCode.java(70, 6)));
            assertThat(index.query(RENAMED_GETTERS, THRESHOLDS)).extracting(CodeMatch::sourcePath)
                    .containsExactly("model/Customer.java");
            assertThat(index.query(RENAMED_GETTERS, THRESHOLDS.withRenamedCoverage(0, 3)))
                    .as("without the coverage rule the run has too few distinct shapes").isEmpty();
            String surrounded = SyntheticCode.python(71, 2) + RENAMED_GETTERS + SyntheticCode.python(72, 2);
            assertThat(index.query(surrounded, THRESHOLDS)).as("a small part of a larger probe").isEmpty();
        }
    }

    @Test
    void reposAreIncrementalUnitsAndSurviveReopening() {
        String a = SyntheticCode.java(30, 6);
        String b = SyntheticCode.java(31, 6);
        IndexedDocument docA = doc("one", "dir/a.java", a);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(docA);
            index.put(doc("two", "dir/a.java", b));
            assertThat(index.files("one")).containsOnlyKeys("dir/a.java").containsValue(
                    new FingerprintIndex.FileState(IndexedDocument.sha256(a.getBytes(StandardCharsets.UTF_8)), false));
            assertThat(index.repos()).containsExactly("one", "two");
        }
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS.withFingerprint(FingerprintConfig.of(20, 10)))) {
            assertThat(index.presenceLoadedFromFile()).isTrue();
            assertThat(index.config()).isEqualTo(CONFIG);
            assertThat(index.get("one", "dir/a.java")).contains(docA);
            assertThat(index.query(b, THRESHOLDS)).extracting(CodeMatch::repo).containsExactly("two");
            IndexedDocument other = IndexedDocument.create("one", "z.java", a.getBytes(StandardCharsets.UTF_8),
                    new Fingerprinter(FingerprintConfig.of(20, 10)), false, null, 1);
            assertThatThrownBy(() -> index.put(other)).isInstanceOf(IndexException.class).hasMessageContaining("k=20");
        }
    }

    @Test
    void bulkLoadGivesTheSameAnswersAsPuts(@TempDir Path other) {
        List<IndexedDocument> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(doc("bulk", "f" + i + ".java", SyntheticCode.java(1000 + i, 5)));
        }
        IndexOptions smallBuffer = OPTIONS.withBulkBufferFingerprints(2048);
        try (FingerprintIndex bulk = FingerprintIndex.open(dir, smallBuffer);
             FingerprintIndex plain = FingerprintIndex.open(other, smallBuffer)) {
            bulk.put(docs.get(0));
            try (BulkLoad load = bulk.bulkLoad()) {
                for (IndexedDocument d : docs) {
                    load.add(d);
                }
                load.add(doc("bulk", "f1.java", SyntheticCode.java(5000, 5)));
            }
            for (IndexedDocument d : docs) {
                plain.put(d);
            }
            plain.put(doc("bulk", "f1.java", SyntheticCode.java(5000, 5)));
            for (int i = 0; i < 40; i += 3) {
                String probe = SyntheticCode.java(1000 + i, 5);
                assertThat(bulk.query(probe, THRESHOLDS)).isEqualTo(plain.query(probe, THRESHOLDS));
            }
            assertThat(bulk.query(SyntheticCode.java(5000, 5), THRESHOLDS)).extracting(CodeMatch::sourcePath)
                    .first().isEqualTo("f1.java");
            assertThat(bulk.files("bulk")).isEqualTo(plain.files("bulk"));
            bulk.compact();
            assertThat(bulk.query(SyntheticCode.java(1007, 5), THRESHOLDS)).extracting(CodeMatch::sourcePath)
                    .first().isEqualTo("f7.java");
            assertThat(bulk.stats().diskBytes()).isPositive();
        }
    }

    @Test
    void queriesRunWhileDocumentsAreWritten() throws Exception {
        String stable = SyntheticCode.java(40, 8);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(doc("r", "Stable.java", stable));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> writer = pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        index.put(doc("r", "W" + (i % 7) + ".java", SyntheticCode.java(200 + i, 4)));
                    }
                });
                List<Future<List<CodeMatch>>> reads = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    reads.add(pool.submit(() -> index.query(stable, THRESHOLDS)));
                }
                writer.get();
                for (Future<List<CodeMatch>> r : reads) {
                    assertThat(r.get()).extracting(CodeMatch::sourcePath).containsExactly("Stable.java");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void lookupCountsPresentFingerprints() {
        String a = SyntheticCode.java(50, 6);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            IndexedDocument d = doc("r", "a.java", a);
            index.put(d);
            long[] present = Arrays.stream(d.hashes()).distinct().toArray();
            assertThat(index.lookup(present)).isEqualTo(present.length);
            assertThat(index.lookup(new long[] {1, 2, 3, 4})).isZero();
        }
    }

    @Test
    void readerQueriesWhileTheWriterKeepsWriting() {
        String a = SyntheticCode.java(60, 10);
        String b = SyntheticCode.java(61, 10);
        String c = SyntheticCode.python(62, 10);
        try (FingerprintIndex writer = FingerprintIndex.open(dir, OPTIONS)) {
            writer.put(doc("r", "A.java", a));
            writer.put(doc("r", "B.java", b));
            writer.compact();
            writer.put(doc("s", "c.py", c));
            try (FingerprintIndex reader = FingerprintIndex.openReader(dir, OPTIONS)) {
                assertThat(reader.isReader()).isTrue();
                assertThat(reader.config()).isEqualTo(writer.config());
                assertThat(reader.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).first().isEqualTo("A.java");
                // c.py is only in the writer's write-ahead log so far
                assertThat(reader.query(c, THRESHOLDS)).extracting(CodeMatch::repo).containsExactly("s");

                // the writer replaces, removes and compacts away table files the reader has open
                writer.remove("r", "A.java");
                writer.put(doc("r", "B.java", c));
                writer.compact();
                assertThat(reader.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).first().isEqualTo("A.java");
                assertThat(reader.query(b, THRESHOLDS)).extracting(CodeMatch::sourcePath).first().isEqualTo("B.java");
                assertThat(reader.files("r")).containsOnlyKeys("A.java", "B.java");

                assertThatThrownBy(() -> reader.put(doc("r", "D.java", a))).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> reader.remove("r", "B.java")).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(reader::bulkLoad).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(reader::compact).isInstanceOf(IllegalStateException.class);
            }
            try (FingerprintIndex later = FingerprintIndex.openReader(dir, OPTIONS)) {
                assertThat(later.files("r")).containsOnlyKeys("B.java");
                assertThat(later.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).doesNotContain("A.java");
                assertThat(later.query(b, THRESHOLDS)).extracting(CodeMatch::sourcePath).doesNotContain("B.java");
            }
            assertThat(writer.query(c, THRESHOLDS)).extracting(CodeMatch::sourcePath).contains("B.java", "c.py");
        }
        try (FingerprintIndex reader = FingerprintIndex.openReader(dir, OPTIONS)) {
            assertThat(reader.presenceLoadedFromFile()).as("filter saved by the closed writer").isTrue();
            assertThat(reader.query(c, THRESHOLDS)).extracting(CodeMatch::sourcePath).contains("B.java", "c.py");
        }
        try (FingerprintIndex writer = FingerprintIndex.open(dir, OPTIONS)) {
            assertThat(writer.presenceLoadedFromFile()).as("a reader leaves the saved filter alone").isTrue();
        }
    }

    @Test
    void readerNeedsAnExistingIndex() {
        assertThatThrownBy(() -> FingerprintIndex.openReader(dir.resolve("missing"), OPTIONS))
                .isInstanceOf(IndexException.class).hasMessageContaining("no fingerprint index here");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void closedIndexRefusesCalls() {
        FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.query("x = y + z;", THRESHOLDS)).isInstanceOf(IllegalStateException.class);
    }
}
