package io.agentdlp.launcher.scan;

import java.nio.file.Path;

/**
 * One input of {@code agentdlp scan}.
 *
 * @param displayPath path to report: as given, relative to {@code root} for files found in a directory,
 *                    or {@code -} for standard input
 * @param root        the directory argument this file was found under, or null
 * @param file        the file, or null for standard input
 */
public record ScanInput(String displayPath, String root, Path file) {
    public static final String STDIN = "-";

    public boolean isStdin() {
        return file == null;
    }
}
