package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link NearbyStarts} answers what the scanner's former walk over the view's candidates answered (kept here as
 * the oracle): some candidate of the required rule added since the reset starts at most {@code within} from the value.
 */
class NearbyStartsTest {

    /** The former {@code SecretScanner.pairFound}: every candidate since the view began, one by one. */
    private static boolean walkFinds(List<int[]> candidates, int from, int rule, int at, int within) {
        for (int i = from; i < candidates.size(); i++) {
            int[] c = candidates.get(i);
            if (c[0] == rule && Math.abs(c[1] - at) <= within) {
                return true;
            }
        }
        return false;
    }

    @Test
    void agreesWithAWalkOverTheViewsCandidates() {
        Random random = new Random(20);
        int[] requiredRule = {-1, 0, -1, 2, 0, -1};
        NearbyStarts starts = new NearbyStarts(requiredRule);
        List<int[]> candidates = new ArrayList<>();
        int found = 0;
        int asked = 0;
        for (int view = 0; view < 400; view++) {
            int length = 1 + random.nextInt(view % 3 == 0 ? 200 : 200_000);
            int from = candidates.size();
            starts.reset(from);
            int cursor = 0;
            int count = random.nextInt(view % 10 == 0 ? 20_000 : 300);
            for (int k = 0; k < count; k++) {
                int rule = random.nextInt(requiredRule.length);
                // mostly in text order, sometimes behind (windows of another rule, a later stretch), with ties
                int start = random.nextInt(4) == 0 ? random.nextInt(length)
                        : Math.min(length - 1, cursor + random.nextInt(Math.max(1, 2 * length / Math.max(1, count))));
                cursor = Math.max(cursor, start);
                candidates.add(new int[] {rule, start});
                if (random.nextInt(3) == 0) {
                    for (int i = starts.indexedTo(); i < candidates.size(); i++) {
                        starts.add(candidates.get(i)[0], candidates.get(i)[1]);
                    }
                    assertThat(starts.indexedTo()).isEqualTo(candidates.size());
                    int rule1 = random.nextBoolean() ? 0 : 2;
                    int at = random.nextInt(length);
                    int within = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(10);
                        case 2 -> random.nextInt(1_000);
                        default -> random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(length + 1);
                    };
                    boolean expected = walkFinds(candidates, from, rule1, at, within);
                    assertThat(starts.anyWithin(rule1, at, within))
                            .as("view %d, rule %d, at %d, within %d", view, rule1, at, within).isEqualTo(expected);
                    asked++;
                    found += expected ? 1 : 0;
                }
            }
        }
        // both answers are common, so both are tested
        assertThat(found).isGreaterThan(asked / 10).isLessThan(asked - asked / 10);
    }
}
