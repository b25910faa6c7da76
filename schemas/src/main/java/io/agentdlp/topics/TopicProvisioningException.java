package io.agentdlp.topics;

/** Topics could not be listed or created on the cluster. */
public class TopicProvisioningException extends RuntimeException {
    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
