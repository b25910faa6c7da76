package io.agentdlp.topology.volume;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.topology.StateBytes;

/**
 * What the volume detector needs of one egress, repartitioned by entity (user or device, and
 * destination host) so all of an entity's traffic meets in one task. No content travels.
 *
 * @param entity       {@code <user-or-device>|<destination host>}
 * @param host         destination host, or {@code model:<agent>} for model traffic without one
 * @param bytes        UTF-8 bytes sent
 * @param eventTime    event time (epoch ms)
 * @param eventId      event id
 * @param sessionId    session id (may be null)
 * @param deviceId     device id
 * @param userId       user id (may be null)
 * @param userEmail    user e-mail (may be null)
 * @param agentName    agent name (may be null)
 * @param agentVersion agent version (may be null)
 * @param repoRemote   repository remote (may be null)
 */
public record VolumeSample(String entity, String host, long bytes, long eventTime, String eventId, String sessionId,
                           String deviceId, String userId, String userEmail, String agentName, String agentVersion,
                           String repoRemote) {
    private static final int VERSION = 1;

    /** Serde of the repartition topic. */
    public static Serde<VolumeSample> serde() {
        Serializer<VolumeSample> ser = (topic, s) -> s == null ? null : new StateBytes.Writer(128, VERSION)
                .putString(s.entity).putString(s.host).putLong(s.bytes).putLong(s.eventTime).putString(s.eventId)
                .putString(s.sessionId).putString(s.deviceId).putString(s.userId).putString(s.userEmail)
                .putString(s.agentName).putString(s.agentVersion).putString(s.repoRemote).toByteArray();
        Deserializer<VolumeSample> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(b, "volume sample", VERSION);
            return new VolumeSample(r.getString(), r.getString(), r.getLong(), r.getLong(), r.getString(), r.getString(),
                    r.getString(), r.getString(), r.getString(), r.getString(), r.getString(), r.getString());
        };
        return Serdes.serdeFrom(ser, de);
    }
}
