package io.agentdlp.ingest.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentdlp.avro.AgentEgressEvent;

/** Invariants every event normalized on the fixture device must hold. */
public final class Stamped {
    private Stamped() {
    }

    /** Device identity, ingest time and an event id of 64 hex digits. */
    public static void assertStamped(AgentEgressEvent e) {
        assertThat(e.getEventId()).matches("[0-9a-f]{64}");
        assertThat(e.getDevice().getId()).isEqualTo(Fixtures.DEVICE.deviceId());
        assertThat(e.getDevice().getHostname()).isEqualTo(Fixtures.DEVICE.hostname());
        assertThat(e.getDevice().getOs()).isEqualTo(Fixtures.DEVICE.os());
        assertThat(e.getIngestTime()).isEqualTo(Fixtures.NOW);
        assertThat(e.getPrivacyMode()).isFalse();
    }
}
