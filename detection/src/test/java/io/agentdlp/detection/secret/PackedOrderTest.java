package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link PackedOrder} against a stable sort of the same tuples with a comparator, as the findings step sorted. */
class PackedOrderTest {

    @Test
    void ordersAsAStableComparatorSortOnRandomTuples() {
        Random random = new Random(20261125L);
        for (int round = 0; round < 20_000; round++) {
            int n = random.nextInt(round % 10 == 0 ? 3_000 : 40);
            int[] max = new int[4];
            for (int f = 0; f < 4; f++) {
                // narrow fields give many ties, so that the index decides often; wide ones use every bit
                max[f] = new int[] {0, 1, 3, 200, 1 << 11, (1 << 12) - 1}[random.nextInt(6)];
            }
            List<int[]> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] item = new int[5];
                for (int f = 0; f < 4; f++) {
                    item[f] = random.nextInt(max[f] + 1);
                }
                item[4] = i;
                items.add(item);
            }
            PackedOrder order = new PackedOrder();
            assertThat(order.begin(n, PackedOrder.bits(max[0]), PackedOrder.bits(max[1]), PackedOrder.bits(max[2]),
                    PackedOrder.bits(max[3]))).isTrue();
            for (int[] item : items) {
                order.add(item[0], item[1], item[2], item[3]);
            }
            order.sort();
            List<int[]> expected = new ArrayList<>(items);
            expected.sort(Comparator.<int[]>comparingInt(t -> t[0]).thenComparingInt(t -> t[1])
                    .thenComparingInt(t -> t[2]).thenComparingInt(t -> t[3]));
            for (int i = 0; i < n; i++) {
                assertThat(order.indexAt(i)).as("round %d rank %d", round, i).isEqualTo(expected.get(i)[4]);
            }
        }
    }

    @Test
    void refusesFieldsThatDoNotFitBesideTheIndex() {
        PackedOrder order = new PackedOrder();
        assertThat(order.begin(2, 31, 31, 0, 0)).isTrue();
        assertThat(order.begin(3, 31, 31, 0, 0)).isFalse();
        assertThat(order.begin(1 << 13, 20, 20, 10, 0)).isTrue();
        assertThat(order.begin((1 << 13) + 1, 20, 20, 10, 0)).isFalse();
        assertThat(PackedOrder.bits(0)).isZero();
        assertThat(PackedOrder.bits(1)).isEqualTo(1);
        assertThat(PackedOrder.bits(Integer.MAX_VALUE)).isEqualTo(31);
    }
}
