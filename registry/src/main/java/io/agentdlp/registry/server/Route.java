package io.agentdlp.registry.server;

/** One endpoint: method, path template and what answers it. */
record Route(String method, PathTemplate template, Handler handler) {

    /** Answers a matched request; throws {@link RegistryError} for Confluent error responses. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }
}
