package io.agentdlp.registry.server;

/**
 * A version path parameter: a number in [1, 2^31-1], or {@code latest} (also {@code -1}, as Confluent accepts).
 */
record VersionId(int number) {
    static final VersionId LATEST = new VersionId(-1);

    boolean latest() {
        return number == -1;
    }

    /** @throws RegistryError 42202 for anything else */
    static VersionId parse(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        try {
            int n = Integer.parseInt(text);
            if (n == -1) {
                return LATEST;
            }
            if (n >= 1) {
                return new VersionId(n);
            }
        } catch (NumberFormatException e) {
            // reported below with Confluent's message
        }
        throw RegistryError.invalidVersion(text);
    }
}
