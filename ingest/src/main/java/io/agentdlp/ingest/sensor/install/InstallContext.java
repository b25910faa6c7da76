package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where and how an agent is wired to the sensor.
 *
 * @param dataDir  sensor data directory (token, shims under {@code bin/})
 * @param home     the user's home directory (user-level settings live under it)
 * @param hookPort sensor hook port
 * @param otlpPort sensor OTLP port
 * @param token    the install token (written only into user-level settings, never into managed ones)
 * @param managed  write the managed/enterprise settings instead of the user's
 * @param repoDir  repository for repository-scoped hooks (Copilot), or null
 * @param os       linux, macos or windows
 */
public record InstallContext(Path dataDir, Path home, int hookPort, int otlpPort, String token, boolean managed,
                             Path repoDir, String os) {
    /** The shim command for an agent (and event) as a shell command line. */
    String shim(String agent, String event) {
        String args = agent + (event == null ? "" : " " + event);
        if ("windows".equals(os)) {
            return "powershell -NoProfile -ExecutionPolicy Bypass -File \"" + dataDir.resolve("bin").resolve(ShimFiles.PS1) + "\" " + args;
        }
        // managed settings are shared by every user: resolve the shim in each user's own home
        String sh = managed ? "$HOME/.agentdlp/sensor/bin/" + ShimFiles.SH : dataDir.resolve("bin").resolve(ShimFiles.SH).toString();
        return "sh \"" + sh + "\" " + args;
    }

    String otlpLogsEndpoint() {
        return "http://127.0.0.1:" + otlpPort + "/v1/logs";
    }

    boolean windows() {
        return "windows".equals(os.toLowerCase(Locale.ROOT));
    }
}
