package io.agentdlp.deploy.render;

import java.nio.file.Path;

/** A kustomization could not be rendered: unreadable, malformed, or using a feature outside the supported subset. */
public class KustomizeException extends RuntimeException {
    public KustomizeException(Path where, String message) {
        super(where + ": " + message);
    }

    public KustomizeException(Path where, String message, Throwable cause) {
        super(where + ": " + message, cause);
    }
}
