package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderingBuffersTest {

    @Test
    void buffersOfOneScanAreDistinctAndServeTheNextScan() {
        RenderingBuffers buffers = RenderingBuffers.reused();
        char[] first = buffers.take(100);
        char[] second = buffers.take(100);
        assertThat(second).isNotSameAs(first);
        assertThat(first.length).isGreaterThanOrEqualTo(100);
        buffers.releaseAll();
        assertThat(buffers.take(50)).isSameAs(first);
        assertThat(buffers.take(100)).isSameAs(second);
    }

    @Test
    void aLargerRequestReplacesTheSlotAndTooLargeOnesAreNotKept() {
        RenderingBuffers buffers = RenderingBuffers.reused();
        char[] small = buffers.take(10);
        buffers.releaseAll();
        char[] larger = buffers.take(small.length + 1);
        assertThat(larger).isNotSameAs(small);
        buffers.releaseAll();
        assertThat(buffers.take(10)).isSameAs(larger);
        char[] huge = buffers.take(RenderingBuffers.MAX_POOLED_CHARS + 1);
        buffers.releaseAll();
        buffers.take(1);
        assertThat(buffers.take(RenderingBuffers.MAX_POOLED_CHARS + 1)).isNotSameAs(huge);
    }

    @Test
    void unpooledBuffersAreAlwaysNew() {
        RenderingBuffers buffers = RenderingBuffers.unpooled();
        char[] a = buffers.take(8);
        buffers.releaseAll();
        assertThat(buffers.take(8)).isNotSameAs(a);
    }

    @Test
    void aRenderingIntoReusedBuffersEqualsOneIntoNewArraysAfterStaleContent() {
        RenderingBuffers buffers = RenderingBuffers.reused();
        String stale = "x\\\"".repeat(5_000) + "     1\tpadding\n".repeat(500);
        AgentText.normalize(DecodedText.of(stale, stale.length(), buffers), buffers);
        buffers.releaseAll();
        String text = "{\"a\": \"k=\\\"v\\\\n\\\"\\n     2\\tline\"}";
        DecodedText reused = AgentText.normalize(DecodedText.of(text, text.length(), buffers), buffers);
        DecodedText fresh = AgentText.normalize(text);
        assertThat(reused.toString()).isEqualTo(fresh.toString());
        for (int i = 0; i <= fresh.length(); i++) {
            assertThat(reused.originalOffset(i)).isEqualTo(fresh.originalOffset(i));
        }
    }
}
