package io.agentdlp.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class KeyedHasherTest {
    private static final String ALPHABET = "abcXYZ019+/=-_ \n\r\té€😀\uD800";

    @Test
    void equalsTheJdkMacOnRandomKeysAndValues() throws Exception {
        Random random = new Random(21);
        // keys around the block (64 bytes), where a longer key is hashed first
        for (int keyLength = 16; keyLength <= 200; keyLength++) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            KeyedHasher hasher = new KeyedHasher(key);
            KeyedHasherReference reference = new KeyedHasherReference(key);
            // values around the 55/56 and 119/120 bytes where the padding needs another block, many in a row
            for (int v = 0; v < 60; v++) {
                String value = randomValue(random, random.nextInt(v < 30 ? 130 : 2_000));
                assertEquals(reference.hash(value), hasher.hash(value), "key length " + keyLength);
            }
        }
    }

    @Test
    void equalsTheJdkMacAtEveryLengthAroundTheBlocks() throws Exception {
        byte[] key = "test-deployment-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        KeyedHasher hasher = new KeyedHasher(key);
        KeyedHasherReference reference = new KeyedHasherReference(key);
        StringBuilder value = new StringBuilder();
        for (int length = 0; length <= 300; length++) {
            assertEquals(reference.hash(value), hasher.hash(value), "length " + length);
            value.append((char) ('a' + length % 26));
        }
        assertEquals(reference.hash("é€😀"), hasher.hash(new StringBuilder("é€😀")));
    }

    @Test
    void equalsTheJdkMacOnSeveralThreads() throws Exception {
        byte[] key = "threads-deployment-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        KeyedHasher hasher = new KeyedHasher(key);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    KeyedHasherReference reference = new KeyedHasherReference(key);
                    Random random = new Random(seed);
                    for (int v = 0; v < 2_000; v++) {
                        String value = randomValue(random, random.nextInt(200));
                        assertEquals(reference.hash(value), hasher.hash(value));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsShortKeys() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedHasher(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> new KeyedHasher(null));
    }

    private static String randomValue(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : (char) (33 + random.nextInt(94)));
        }
        return sb.toString();
    }
}
