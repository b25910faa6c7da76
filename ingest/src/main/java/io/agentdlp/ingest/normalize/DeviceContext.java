package io.agentdlp.ingest.normalize;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * What the sensor (or the gateway, from a token) knows about the machine and person behind an
 * event. No agent supplies these, so every normalizer stamps them on.
 *
 * @param deviceId  stable device id bound to the sensor install
 * @param hostname  host name, may be null
 * @param os        linux, macos or windows (may be null when unknown)
 * @param userId    local or directory user id, may be null
 * @param userEmail e-mail when configured, may be null
 */
public record DeviceContext(String deviceId, String hostname, String os, String userId, String userEmail) {
    public DeviceContext {
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
    }

    /** The local machine: host name from the resolver, OS from {@code os.name}, user from {@code user.name}. */
    public static DeviceContext local(String deviceId, String userEmail) {
        return new DeviceContext(deviceId, localHostname(), osFamily(System.getProperty("os.name", "")),
                System.getProperty("user.name"), userEmail);
    }

    /** Maps a {@code os.name} (or OTel {@code os.type}) value to linux, macos or windows; null when unknown. */
    public static String osFamily(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return "windows";
        }
        if (n.startsWith("mac") || n.equals("darwin")) {
            return "macos";
        }
        if (n.startsWith("linux")) {
            return "linux";
        }
        return n.isEmpty() ? null : n;
    }

    private static String localHostname() {
        boolean windows = "windows".equals(osFamily(System.getProperty("os.name", "")));
        String env = System.getenv(windows ? "COMPUTERNAME" : "HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // an unresolvable host name is "unknown", not an error: the device id identifies the machine
            return null;
        }
    }
}
