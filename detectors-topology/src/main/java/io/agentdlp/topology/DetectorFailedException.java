package io.agentdlp.topology;

/**
 * A detector threw on an event. Thrown after the other detectors ran and their results were
 * forwarded, so the processing-exception handler dead-letters the original record with the
 * detector's name. The message names the detector and event id, never content.
 */
public class DetectorFailedException extends RuntimeException {
    private final String detector;

    public DetectorFailedException(String detector, String eventId, Throwable cause) {
        super("detector " + detector + " failed on event " + eventId + ": " + cause.getClass().getName(), cause);
        this.detector = detector;
    }

    public String detector() {
        return detector;
    }
}
