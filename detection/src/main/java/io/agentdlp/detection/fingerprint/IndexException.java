package io.agentdlp.detection.fingerprint;

import java.nio.file.Path;

/** A fingerprint index could not be opened, read or written; names the index directory. */
public class IndexException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path directory;

    public IndexException(Path directory, String message, Throwable cause) {
        super(message + " (index " + directory + ")", cause);
        this.directory = directory;
    }

    public IndexException(Path directory, String message) {
        this(directory, message, null);
    }

    public Path directory() {
        return directory;
    }
}
