package io.agentdlp.serde;

/**
 * Stands in for an exception thrown while Avro encoded or decoded a datum. Avro's messages can
 * quote the datum (for example "value &lt;the string&gt; is not a long", or an invalid UUID), so
 * only the original exception class and stack trace are kept, never its message; causes are
 * replaced the same way.
 */
final class RedactedException extends RuntimeException {
    private static final int MAX_DEPTH = 8;

    private RedactedException(Throwable original, Throwable redactedCause) {
        super(original.getClass().getName() + " (message withheld: it may quote record content)", redactedCause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** A content-free copy of {@code original} and its causes. */
    static RedactedException of(Throwable original) {
        return of(original, 0);
    }

    private static RedactedException of(Throwable original, int depth) {
        Throwable cause = original.getCause();
        RedactedException redactedCause = cause == null || cause == original || depth >= MAX_DEPTH ? null : of(cause, depth + 1);
        return new RedactedException(original, redactedCause);
    }
}
