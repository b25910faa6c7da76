package io.agentdlp.ingest.sensor.install;

import java.util.List;

/**
 * What an install or uninstall did.
 *
 * @param agent   agent id
 * @param changed files written, restored or deleted
 * @param notes   things the user must know or do by hand
 */
public record InstallReport(String agent, List<String> changed, List<String> notes) {
    public InstallReport {
        changed = List.copyOf(changed);
        notes = List.copyOf(notes);
    }
}
