package io.agentdlp.tuning.policy;

/** Reading or writing the policies topic failed; the message names the topic and the policy id. */
public final class PolicyTopicException extends RuntimeException {
    public PolicyTopicException(String message) {
        super(message);
    }

    public PolicyTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
