package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.api.Test;

/**
 * Reused buffers ({@link ScanBuffers}) against fresh arrays, the old code's: the digit runs, identifier, IP and
 * e-mail spans and phone windows built in arrays left stale by earlier texts (longer and shorter ones) must be the ones
 * built in new arrays, and a thread's scans must give what another thread's scans of the same texts in another
 * order give.
 */
class ScanBuffersTest {
    private static final String[] PIECES = {"0", "1", "9", "123", "4158675309", "2025", " ", "-", ".", ":", "/", "(", ")",
            "+", "\n", "\\n", "\\\"", "x", "ext", "DE", "QQ", "ssn", "dob", "@", "a", "Z", "deadbeef", "192.168.",
            "2001:db8:", "\u00e9", "\uff11", "\ud83d\ude00"};

    @Test
    void staleBuffersBuildWhatFreshArraysBuild() {
        ScanBuffers shared = new ScanBuffers();
        for (String text : texts()) {
            ScreenText fresh = ScreenText.of(text);
            ScreenText reused = ScreenText.of(text, shared);
            assertThat(reused.text()).isEqualTo(fresh.text());
            assertThat(reused.bytes()).isEqualTo(fresh.bytes());
            assertThat(runs(reused.digits())).isEqualTo(runs(fresh.digits()));
            assertThat(reused.digits().nonAscii()).isEqualTo(fresh.digits().nonAscii());
            Spans emails = SpanClass.EMAIL.around(reused.text(), reused.bytes(), '@', shared.emailSpans());
            shared.keepEmailSpans(emails.array());
            assertThat(spans(emails)).isEqualTo(spans(SpanClass.EMAIL.around(fresh.text(), fresh.bytes(), '@', new int[0])));
            for (int fewest : new int[] {1, 6}) {
                boolean ascii = !fresh.digits().nonAscii();
                DigitRunWalk expected = DigitRunWalk.of(fresh.bytes(), fresh.digits(), ascii, fewest);
                DigitRunWalk actual = DigitRunWalk.of(reused.bytes(), reused.digits(), ascii, fewest, shared);
                assertThat(spans(actual.identifiers())).isEqualTo(spans(expected.identifiers()));
                assertThat(spans(actual.ipAddresses())).isEqualTo(spans(expected.ipAddresses()));
                assertThat(windows(actual)).isEqualTo(windows(expected));
                assertThat(actual.mayHoldDateOfBirthLabel()).isEqualTo(expected.mayHoldDateOfBirthLabel());
            }
        }
    }

    @Test
    void aThreadsScansEqualAnotherThreadsInAnotherOrder() throws InterruptedException {
        PiiScanner scanner = new PiiScanner(KeyedHasher.fromSecret("buffers-key-0123456789"), PiiOptions.defaults());
        List<String> texts = texts();
        List<PiiScanResult> here = new ArrayList<>();
        for (String text : texts) {
            here.add(scanner.scan(text));
        }
        AtomicReference<List<PiiScanResult>> there = new AtomicReference<>();
        Thread other = new Thread(() -> {
            List<PiiScanResult> reversed = new ArrayList<>();
            for (int i = texts.size() - 1; i >= 0; i--) {
                reversed.add(scanner.scan(texts.get(i)));
            }
            Collections.reverse(reversed);
            there.set(reversed);
        });
        other.start();
        other.join();
        assertThat(there.get()).isEqualTo(here);
    }

    /** Corpus documents, their JSON-escaped forms and random texts from a few characters to ~100 K, shuffled. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        PiiCorpus corpus = new PiiCorpus(4242L);
        for (int i = 0; i < 400; i++) {
            String text = corpus.document().text();
            texts.add(text);
            texts.add(text.replace("\n", "\\n").replace("\"", "\\\""));
        }
        Random random = new Random(20261125L);
        for (int t = 0; t < 400; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(10) == 0 ? random.nextInt(20_000) : random.nextInt(80);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        Collections.shuffle(texts, random);
        return texts;
    }

    private static List<Integer> runs(DigitRuns digits) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < digits.size(); i++) {
            out.add(digits.start(i));
            out.add(digits.end(i));
        }
        return out;
    }

    private static List<Integer> spans(Spans spans) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            out.addAll(List.of(spans.start(i), spans.end(i), spans.digits(i), spans.upper(i), spans.dots(i),
                    spans.colons(i), spans.longestDigitRun(i), spans.digitRunLengths(i), spans.freeDigitRunLengths(i)));
        }
        return out;
    }

    private static List<Integer> windows(DigitRunWalk walk) {
        List<Integer> out = new ArrayList<>();
        walk.phoneWindows((start, end, digits, letters, plus, separator) -> out.addAll(
                List.of(start, end, digits, letters, plus ? 1 : 0, separator ? 1 : 0)));
        return out;
    }
}
