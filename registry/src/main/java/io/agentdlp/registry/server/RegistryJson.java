package io.agentdlp.registry.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of the HTTP API. Parse errors never quote the request body (it may hold a schema),
 * and string limits follow the request size limit rather than Jackson's defaults.
 */
final class RegistryJson {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    private RegistryJson() {
    }
}
