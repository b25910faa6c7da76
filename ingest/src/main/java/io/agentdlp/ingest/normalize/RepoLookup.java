package io.agentdlp.ingest.normalize;

import io.agentdlp.avro.Repo;

/** Derives the repository (remote, branch) an agent works in from its working directory. */
@FunctionalInterface
public interface RepoLookup {
    /** @return the repository of {@code cwd}, or null when {@code cwd} is not inside a git work tree */
    Repo lookup(String cwd);

    /** A lookup that never finds a repository (gateway, tests). */
    static RepoLookup none() {
        return cwd -> null;
    }
}
