package io.agentdlp.detection.policy;

import java.util.List;
import java.util.Locale;

/**
 * A {@link PolicyRequest} normalised once per decision (remote, path, URL and category forms, and
 * the case-folded keys the rule index looks up), so evaluating a rule allocates nothing.
 */
final class PreparedRequest {
    final PolicyRequest raw;
    final String[] groups;
    final String toolCategory;
    final String destinationUrl;
    final String repo;
    final String path;

    PreparedRequest(PolicyRequest q) {
        this.raw = q;
        List<String> g = q.groups();
        this.groups = new String[g.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = g.get(i).toLowerCase(Locale.ROOT);
        }
        this.toolCategory = q.toolCategory() == null ? null : q.toolCategory().toLowerCase(Locale.ROOT);
        this.destinationUrl = q.destinationUrl() == null ? null : q.destinationUrl().toLowerCase(Locale.ROOT);
        this.repo = RepoRemote.normalise(q.repoRemote());
        this.path = q.filePath() == null ? null : PolicyEngine.normalisePath(q.filePath());
    }
}
