package io.agentdlp.launcher.replay;

import java.time.Instant;
import java.util.Set;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * Which events an export keeps: event time in {@code [from, to)} and, for each non-empty set, a
 * match in it (users match the user id or e-mail; agents the agent name; sessions the session id;
 * devices the device id).
 */
public record EventFilter(Instant from, Instant to, Set<String> users, Set<String> agents, Set<String> sessions,
                          Set<String> devices) {
    public EventFilter {
        users = Set.copyOf(users);
        agents = Set.copyOf(agents);
        sessions = Set.copyOf(sessions);
        devices = Set.copyOf(devices);
    }

    public static EventFilter all() {
        return new EventFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of());
    }

    public boolean test(AgentEgressEvent e) {
        Instant t = e.getEventTime();
        if ((from != null && t.isBefore(from)) || (to != null && !t.isBefore(to))) {
            return false;
        }
        return (users.isEmpty() || users.contains(e.getUser().getId()) || users.contains(e.getUser().getEmail()))
                && (agents.isEmpty() || agents.contains(e.getAgent().getName()))
                && (sessions.isEmpty() || sessions.contains(e.getSessionId()))
                && (devices.isEmpty() || devices.contains(e.getDevice().getId()));
    }
}
