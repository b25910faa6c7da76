package io.agentdlp.ingest.sensor.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.ingest.normalize.ContentFactory;

/**
 * An agent settings file changed with a backup: the first install copies the original to
 * {@code <file>.agentdlp-backup} (or records with {@code <file>.agentdlp-created} that there was
 * none) and remembers the SHA-256 of what it wrote in {@code <file>.agentdlp-written}. Uninstall
 * restores the backup exactly when nobody changed the file since; otherwise it removes only
 * agentdlp's entries and keeps the user's later edits.
 */
final class SettingsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    SettingsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    private Path backup() {
        return file.resolveSibling(file.getFileName() + ".agentdlp-backup");
    }

    private Path createdMarker() {
        return file.resolveSibling(file.getFileName() + ".agentdlp-created");
    }

    private Path writtenMarker() {
        return file.resolveSibling(file.getFileName() + ".agentdlp-written");
    }

    /** The file as a JSON object ({} when missing or empty). */
    ObjectNode readJson() throws InstallException {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return JSON.createObjectNode();
            }
            JsonNode n = JSON.readTree(text);
            if (!(n instanceof ObjectNode o)) {
                throw new InstallException(file + " is not a JSON object; fix or move it, then retry");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new InstallException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + "); fix it, then retry", e);
        } catch (IOException e) {
            throw new InstallException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    String readText() throws InstallException {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new InstallException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void writeJson(ObjectNode root) throws InstallException {
        try {
            writeText(JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new InstallException("cannot serialize settings for " + file, e);
        }
    }

    /** Writes with backup-once and an atomic replace. */
    void writeText(String text) throws InstallException {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (!Files.exists(backup()) && !Files.exists(createdMarker())) {
                if (Files.exists(file)) {
                    Files.copy(file, backup(), StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.writeString(createdMarker(), "created by agentdlp sensor install\n");
                }
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".agentdlp-tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(writtenMarker(), digest(text) + "\n");
        } catch (IOException e) {
            throw new InstallException("cannot write " + file + ": " + e.getMessage()
                    + (e instanceof java.nio.file.AccessDeniedException ? " (managed settings need an administrator)" : ""), e);
        }
    }

    /** True when the file still holds exactly what the last install wrote. */
    boolean unchangedSinceInstall() throws InstallException {
        try {
            if (!Files.exists(writtenMarker()) || !Files.exists(file)) {
                return false;
            }
            return Files.readString(writtenMarker()).trim().equals(digest(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new InstallException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Puts the original back (or deletes a file the install created); returns false when there is no backup. */
    boolean restoreBackup() throws InstallException {
        try {
            if (Files.exists(backup())) {
                Files.move(backup(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.exists(createdMarker())) {
                Files.deleteIfExists(file);
                Files.delete(createdMarker());
            } else {
                return false;
            }
            Files.deleteIfExists(writtenMarker());
            return true;
        } catch (IOException e) {
            throw new InstallException("cannot restore " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the install's bookkeeping after a surgical uninstall. */
    void forgetBackup() throws InstallException {
        try {
            Files.deleteIfExists(backup());
            Files.deleteIfExists(createdMarker());
            Files.deleteIfExists(writtenMarker());
        } catch (IOException e) {
            throw new InstallException("cannot clean up next to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the result of a surgical removal without touching the bookkeeping files. */
    void writeAfterRemoval(String text) throws InstallException {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".agentdlp-tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InstallException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String pretty(ObjectNode root) throws InstallException {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new InstallException("cannot serialize settings", e);
        }
    }

    private static String digest(String text) {
        return ContentFactory.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
