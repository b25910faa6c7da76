package io.agentdlp.launcher;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = AgentDlp.class.getPackage().getImplementationVersion();
        return new String[] {"agentdlp " + (v == null ? "dev" : v), "Java " + Runtime.version()};
    }
}
