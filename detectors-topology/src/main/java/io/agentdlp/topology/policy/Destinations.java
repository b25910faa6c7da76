package io.agentdlp.topology.policy;

import io.agentdlp.avro.Destination;
import io.agentdlp.detection.shell.Endpoint;

/** Converts between the event schema's {@link Destination} and the detection library's {@link Endpoint}. */
public final class Destinations {
    private Destinations() {
    }

    /** The endpoint of an event's destination, or null when it names neither a host nor a parsable URL. */
    public static Endpoint fromAvro(Destination d) {
        if (d.getHost() != null) {
            return new Endpoint(d.getHost(), d.getPort(), d.getUrl());
        }
        return d.getUrl() == null ? null : Endpoint.fromUrl(d.getUrl()).orElse(null);
    }

    public static Destination toAvro(Endpoint e) {
        return Destination.newBuilder().setHost(e.host()).setPort(e.port()).setUrl(e.url()).build();
    }
}
