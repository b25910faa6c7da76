package io.agentdlp.ingest.sensor.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Copies the hook shims (POSIX sh + curl, PowerShell) into {@code <dataDir>/bin}. */
public final class ShimFiles {
    /** POSIX shim name. */
    public static final String SH = "agentdlp-hook.sh";
    /** PowerShell shim name. */
    public static final String PS1 = "agentdlp-hook.ps1";

    private ShimFiles() {
    }

    /** Writes both shims (overwriting older versions); returns the bin directory. */
    public static Path write(Path dataDir) throws IOException {
        Path bin = dataDir.resolve("bin");
        Files.createDirectories(bin);
        for (String name : new String[] {SH, PS1}) {
            try (InputStream in = ShimFiles.class.getResourceAsStream("/io/agentdlp/ingest/sensor/shim/" + name)) {
                if (in == null) {
                    throw new IOException("shim resource " + name + " missing from the jar");
                }
                Path tmp = bin.resolve(name + ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Files.move(tmp, bin.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return bin;
    }
}
