package io.agentdlp.ingest.sensor;

import java.time.Duration;
import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;

/** A remote decision point the sensor consults for blockable actions, within a time budget. */
@FunctionalInterface
public interface VerdictService {
    /**
     * @throws VerdictUnavailableException when the service does not answer in time, is unreachable
     *                                     or answers with an error; the sensor's fail policy then applies
     */
    RemoteVerdict verdict(List<AgentEgressEvent> events, Duration timeout) throws VerdictUnavailableException;
}
