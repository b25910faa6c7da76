package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueMemo} against the memo it replaced, kept here as the oracle: a {@code HashMap} keyed by the value's
 * {@code String}, cleared when it holds {@code limit} values and meets a new one. For every lookup both must agree
 * on whether the value is remembered; a remembered value must give the very entry (with its verdicts) of its
 * first lookup, a new one an entry for its chars with no verdicts.
 */
class ValueMemoTest {
    /** The scanner's former memo: the value's {@code String} as the key. */
    private static final class MapMemo {
        private final int limit;
        private final Map<String, Integer> values = new HashMap<>();
        private int made;

        MapMemo(int limit) {
            this.limit = limit;
        }

        /** The id of the value's entry; a new value gets a new id. */
        int entry(String secret) {
            Integer id = values.get(secret);
            if (id == null) {
                if (values.size() >= limit) {
                    values.clear();
                }
                id = made++;
                values.put(secret, id);
            }
            return id;
        }

        void forget() {
            values.clear();
        }
    }

    @Test
    void randomValuesGetTheMapsEntries() {
        Random random = new Random(19);
        for (int limit : new int[]{1, 2, 3, 7, 100, 1024, Integer.MAX_VALUE}) {
            for (int run = 0; run < 20; run++) {
                // few chars and short lengths so that values repeat, share hashes' slots and differ in one char
                String alphabet = run % 3 == 0 ? "ab" : run % 3 == 1 ? "aB0_-=/+\u00e9\u4e2d" : "abcdefghijklmnopqrstuvwxyz0123456789";
                int maxLength = 1 + random.nextInt(run % 2 == 0 ? 12 : 80);
                char[] buffer = new char[4096];
                for (int i = 0; i < buffer.length; i++) {
                    buffer[i] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                compare(limit, random, buffer, maxLength, 3000);
            }
        }
    }

    @Test
    void trafficValuesGetTheMapsEntries() {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(1919L);
        Random random = new Random(23);
        for (int limit : new int[]{1, 5, 1024, Integer.MAX_VALUE}) {
            char[] text = corpus.traffic(200_000, true).toCharArray();
            compare(limit, random, text, 120, 20_000);
        }
    }

    /** Many distinct values: an unbounded memo grows its table past its first size and keeps every value. */
    @Test
    void unboundedMemoGrowsAndKeepsEveryValue() {
        ValueMemo memo = new ValueMemo(Integer.MAX_VALUE);
        char[] chars = new char[8];
        Map<String, ValueChecks> first = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10_000; i++) {
                String s = String.format("%08d", i);
                s.getChars(0, 8, chars, 0);
                ValueChecks e = memo.entry(chars, 0, 8);
                assertThat(e.value()).isEqualTo(s);
                if (round == 0) {
                    assertThat(e.verdict(0)).isEqualTo(ValueChecks.UNCHECKED);
                    e.record(0, i % 2 == 0);
                    first.put(s, e);
                } else {
                    assertThat(e).isSameAs(first.get(s));
                    assertThat(e.verdict(0)).isEqualTo(i % 2 == 0 ? ValueChecks.ACCEPTED : ValueChecks.REJECTED);
                }
            }
        }
        assertThat(memo.size()).isEqualTo(10_000);
        // forgetting drops the grown table; the memo starts over with a small one and keeps working
        memo.forget();
        "00000007".getChars(0, 8, chars, 0);
        ValueChecks again = memo.entry(chars, 0, 8);
        assertThat(again.value()).isEqualTo("00000007");
        assertThat(again.verdict(0)).isEqualTo(ValueChecks.UNCHECKED);
        assertThat(memo.entry(chars, 0, 8)).isSameAs(again);
        assertThat(memo.size()).isEqualTo(1);
    }

    @Test
    void forgettingDropsTheValues() {
        ValueMemo memo = new ValueMemo(8);
        char[] chars = "secret-value".toCharArray();
        ValueChecks e = memo.entry(chars, 0, chars.length);
        e.record(3, true);
        memo.forget();
        assertThat(memo.size()).isZero();
        assertThat(e.value()).isNull();
        ValueChecks again = memo.entry(chars, 0, chars.length);
        assertThat(again.value()).isEqualTo("secret-value");
        assertThat(again.verdict(3)).isEqualTo(ValueChecks.UNCHECKED);
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new ValueMemo(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void compare(int limit, Random random, char[] buffer, int maxLength, int lookups) {
        ValueMemo memo = new ValueMemo(limit);
        MapMemo oracle = new MapMemo(limit);
        Map<Integer, ValueChecks> entryOfId = new HashMap<>();
        Map<ValueChecks, Integer> idOfEntry = new IdentityHashMap<>();
        for (int i = 0; i < lookups; i++) {
            if (random.nextInt(1000) == 0) {
                memo.forget();
                oracle.forget();
                entryOfId.clear();
                idOfEntry.clear();
            }
            int length = random.nextInt(maxLength + 1);
            int from = random.nextInt(buffer.length - length + 1);
            String value = new String(buffer, from, length);
            int id = oracle.entry(value);
            ValueChecks e = memo.entry(buffer, from, from + length);
            assertThat(e.value()).isEqualTo(value);
            ValueChecks remembered = entryOfId.get(id);
            if (remembered != null) {
                assertThat(e).isSameAs(remembered);
                assertThat(e.verdict(id % 5)).isEqualTo(id % 2 == 0 ? ValueChecks.ACCEPTED : ValueChecks.REJECTED);
            } else {
                // a new value in the oracle: a fresh entry, not one the memo still holds for another value
                Integer other = idOfEntry.get(e);
                if (other != null) {
                    assertThat(other).isLessThan(id);
                    entryOfId.remove(other);
                }
                assertThat(e.verdict(id % 5)).isEqualTo(ValueChecks.UNCHECKED);
                e.record(id % 5, id % 2 == 0);
                entryOfId.put(id, e);
                idOfEntry.put(e, id);
            }
            assertThat(memo.size()).isEqualTo(oracle.values.size());
        }
    }
}
