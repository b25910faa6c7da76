package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query of a text gives what the query of its fingerprints gives, although texts none of whose shapes the
 * presence filter may hold are no longer finished into fingerprints, and the filter is read in one batch.
 */
class PresentShapesShortcutTest {
    private static final List<FingerprintConfig> CONFIGS = List.of(FingerprintConfig.DEFAULT,
            new FingerprintConfig(4, 1, 0), new FingerprintConfig(9, 4, 2), new FingerprintConfig(64, 5, 4));

    @TempDir
    Path dir;

    @Test
    void batchedLookupIsTheOrOfSingleLookups() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int round = 0; round < 200; round++) {
            PresenceFilter filter = PresenceFilter.forKeys(1 + random.nextInt(4096));
            // from empty to overfull, so that both answers and false positives occur
            int added = random.nextInt(4) == 0 ? 0 : random.nextInt(40_000);
            long[] present = new long[added];
            for (int i = 0; i < added; i++) {
                present[i] = random.nextLong() >>> 8;
                filter.add(present[i]);
            }
            int count = random.nextInt(600);
            long[] keys = new long[count + random.nextInt(3)];
            boolean expected = false;
            for (int i = 0; i < count; i++) {
                keys[i] = added > 0 && random.nextInt(200) == 0 ? present[random.nextInt(added)] : random.nextLong() >>> 8;
                expected |= filter.mightContain(keys[i]);
            }
            assertThat(filter.mightContainAny(keys, count, new long[keys.length])).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void fingerprintsAreFinishedExactlyWhenTheFilterMayHoldOneOfTheirShapes() {
        SplittableRandom random = new SplittableRandom(7L);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add(WrappedText.random(random, 1 + random.nextInt(120)));
        }
        for (long seed = 0; seed < 20; seed++) {
            texts.add(SyntheticCode.java(seed, 3));
            texts.add(LeakTransforms.jsonBody(LeakTransforms.chat(SyntheticCode.python(seed, 3), "python", random)));
        }
        for (FingerprintConfig config : CONFIGS) {
            Fingerprinter fingerprinter = new Fingerprinter(config);
            for (String text : texts) {
                Fingerprints full = fingerprinter.fingerprint(text);
                for (PresenceFilter filter : filters(full, random)) {
                    boolean anyPresent = false;
                    for (int i = 0; i < full.size(); i++) {
                        anyPresent |= filter.mightContain(Fingerprints.shapeOf(full.hash(i)));
                    }
                    Fingerprints shortcut = fingerprinter.fingerprintIfAnyPresent(text, filter);
                    if (anyPresent) {
                        assertThat(shortcut).as("%s of %s", config, text).isEqualTo(full);
                    } else {
                        assertThat(shortcut.isEmpty()).as("%s of %s", config, text).isTrue();
                    }
                }
            }
        }
    }

    /** Filters holding every shape of the text, one of them, none of them (only other keys), and nothing. */
    private static List<PresenceFilter> filters(Fingerprints full, SplittableRandom random) {
        PresenceFilter all = PresenceFilter.forKeys(1024);
        PresenceFilter one = PresenceFilter.forKeys(1024);
        PresenceFilter others = PresenceFilter.forKeys(1024);
        for (int i = 0; i < full.size(); i++) {
            all.add(Fingerprints.shapeOf(full.hash(i)));
        }
        if (!full.isEmpty()) {
            one.add(Fingerprints.shapeOf(full.hash(random.nextInt(full.size()))));
        }
        for (int i = 0; i < 3000; i++) {
            others.add(random.nextLong() >>> 8);
        }
        return List.of(all, one, others, PresenceFilter.forKeys(1024));
    }

    @Test
    void queryOfATextIsTheQueryOfItsFingerprints() {
        FingerprintConfig config = FingerprintConfig.DEFAULT;
        Fingerprinter fingerprinter = new Fingerprinter(config);
        IndexOptions options = IndexOptions.DEFAULT.withFingerprint(config).withBlockCacheBytes(16 << 20)
                .withWriteBufferBytes(8 << 20);
        SplittableRandom random = new SplittableRandom(3L);
        List<String> files = new ArrayList<>();
        try (FingerprintIndex index = FingerprintIndex.open(dir, options)) {
            for (long seed = 0; seed < 24; seed++) {
                String file = seed % 2 == 0 ? SyntheticCode.java(seed, 8) : SyntheticCode.python(seed, 8);
                files.add(file);
                index.put(IndexedDocument.create("repo", "f" + seed, file.getBytes(StandardCharsets.UTF_8), fingerprinter,
                        false, null, 1));
            }
            List<String> probes = new ArrayList<>();
            for (String file : files) {
                String[] lines = file.split("\n", -1);
                int from = random.nextInt(Math.max(1, lines.length - 30));
                String snippet = String.join("\n", List.of(lines).subList(from, Math.min(lines.length, from + 5 + random.nextInt(40))));
                probes.add(snippet);
                probes.add(LeakTransforms.jsonBody(LeakTransforms.chat(snippet, "java", random)));
                probes.add(LeakTransforms.lineNumbered(snippet, 1 + from, random.nextBoolean()));
            }
            for (int i = 0; i < 200; i++) {
                probes.add(WrappedText.random(random, 1 + random.nextInt(120)));
            }
            for (long seed = 100; seed < 110; seed++) {
                probes.add(SyntheticCode.java(seed, 4));
            }
            int matched = 0;
            for (String probe : probes) {
                List<CodeMatch> expected = index.query(fingerprinter.fingerprint(probe), MatchThresholds.DEFAULT);
                assertThat(index.query(probe, MatchThresholds.DEFAULT)).as(probe).isEqualTo(expected);
                matched += expected.isEmpty() ? 0 : 1;
            }
            // both kinds of probes were compared: ones that match and ones that do not
            assertThat(matched).isBetween(files.size(), probes.size() - 100);
        }
    }
}
