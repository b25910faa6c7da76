package io.agentdlp.ingest.sensor.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An installer whose agent keeps hooks (and telemetry) in one JSON settings file. */
abstract class JsonSettingsInstaller implements AgentInstaller {
    abstract String agent();

    /** The settings file for this context. */
    abstract Path settingsFile(InstallContext ctx) throws InstallException;

    /** Adds agentdlp's entries (after {@link #remove} ran, so no duplicates). */
    abstract void apply(ObjectNode root, InstallContext ctx, List<String> notes);

    /** Removes agentdlp's entries, leaving everything else. */
    void remove(ObjectNode root, InstallContext ctx) {
        HookEntries.removeOurs(root);
    }

    @Override
    public InstallReport install(InstallContext ctx) throws InstallException {
        SettingsFile f = new SettingsFile(settingsFile(ctx));
        ObjectNode root = f.readJson();
        remove(root, ctx);
        List<String> notes = new ArrayList<>();
        apply(root, ctx, notes);
        f.writeJson(root);
        return new InstallReport(agent(), List.of(f.path().toString()), notes);
    }

    @Override
    public InstallReport uninstall(InstallContext ctx) throws InstallException {
        SettingsFile f = new SettingsFile(settingsFile(ctx));
        if (f.unchangedSinceInstall() && f.restoreBackup()) {
            return new InstallReport(agent(), List.of(f.path() + " (restored from backup)"), List.of());
        }
        ObjectNode root = f.readJson();
        remove(root, ctx);
        f.writeAfterRemoval(SettingsFile.pretty(root));
        f.forgetBackup();
        return new InstallReport(agent(), List.of(f.path() + " (agentdlp entries removed; later edits kept)"), List.of());
    }
}
