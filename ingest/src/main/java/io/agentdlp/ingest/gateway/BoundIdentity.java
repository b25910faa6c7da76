package io.agentdlp.ingest.gateway;

import java.util.List;
import java.util.Objects;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.User;
import io.agentdlp.ingest.http.HttpProblem;

/**
 * Holds events to the identity their credential is bound to: a token bound to a device, user or
 * e-mail only carries events of that device and user. A mismatch rejects the whole batch with 403
 * naming the field; a missing user is filled from the binding, because the install's identity,
 * not what an agent payload claims, says who acted.
 */
final class BoundIdentity {
    private BoundIdentity() {
    }

    static void enforce(SensorPrincipal who, List<AgentEgressEvent> events) throws HttpProblem {
        for (int i = 0; i < events.size(); i++) {
            AgentEgressEvent e = events.get(i);
            if (who.deviceId() != null && !who.deviceId().equals(e.getDevice().getId())) {
                throw mismatch(i, e, "device.id", "device");
            }
            User u = e.getUser();
            if (who.userId() != null && u != null && u.getId() != null && !who.userId().equals(u.getId())) {
                throw mismatch(i, e, "user.id", "user");
            }
            if (who.userEmail() != null && u != null && u.getEmail() != null && !who.userEmail().equalsIgnoreCase(u.getEmail())) {
                throw mismatch(i, e, "user.email", "e-mail");
            }
        }
        if (who.userId() == null && who.userEmail() == null) {
            return;
        }
        for (AgentEgressEvent e : events) {
            User u = e.getUser() == null ? new User(null, null) : e.getUser();
            u.setId(Objects.requireNonNullElse(u.getId(), who.userId()));
            u.setEmail(Objects.requireNonNullElse(u.getEmail(), who.userEmail()));
            e.setUser(u);
        }
    }

    private static HttpProblem mismatch(int index, AgentEgressEvent e, String field, String what) {
        return new HttpProblem(403, "identity_mismatch", "event " + index + " (event_id " + e.getEventId() + "): " + field
                + " does not match the " + what + " this token is bound to; the sensor's identity comes from its install, "
                + "not from the agent");
    }
}
