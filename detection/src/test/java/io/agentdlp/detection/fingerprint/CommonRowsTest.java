package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommonRowsTest {
    @Test
    void aVerdictHoldsForThatRowArrayAndThresholdsUpToTheOneItWasFoundAt() {
        CommonRows memo = new CommonRows(16);
        byte[] row = {1, 2, 3};
        memo.remember(42L, row, 32);
        assertThat(memo.isCommon(42L, row, 32)).isTrue();
        assertThat(memo.isCommon(42L, row, 1)).isTrue();
        assertThat(memo.isCommon(42L, row, 33)).isFalse();
        assertThat(memo.isCommon(42L, row.clone(), 32)).as("an equal but other array: the row may have changed").isFalse();
        assertThat(memo.isCommon(43L, row, 32)).isFalse();
    }

    @Test
    void anIgnoreCorpusRowIsCommonAtEveryThresholdAndNewerVerdictsReplaceOlderOnes() {
        CommonRows memo = new CommonRows(1);
        byte[] ignored = {9};
        memo.remember(7L, ignored, Integer.MAX_VALUE);
        assertThat(memo.isCommon(7L, ignored, Integer.MAX_VALUE)).isTrue();
        byte[] other = {8};
        memo.remember(8L, other, 4);
        assertThat(memo.isCommon(7L, ignored, 4)).as("evicted by the one slot's new entry").isFalse();
        assertThat(memo.isCommon(8L, other, 4)).isTrue();
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new CommonRows(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    }
}
