package io.agentdlp.tuning.policy;

import io.agentdlp.detection.policy.PolicyDocument;

/**
 * Decides what {@code policy push} publishes: a document whose version is newer than the one in
 * force goes out as is; an older or equal version is refused unless the caller asks for a bump (the
 * version in force plus one); a document identical to the one in force is not published again.
 *
 * @param action   what to do
 * @param document the document to publish (version settled), or the file's document
 * @param diff     changes against the version in force
 * @param reason   why nothing is published (null when publishing)
 */
public record PolicyPush(Action action, PolicyDocument document, PolicyDiff diff, String reason) {
    public enum Action { PUBLISH, UNCHANGED, REFUSED }

    public static PolicyPush plan(PolicyDocument live, PolicyDocument file, boolean bump) {
        PolicyDiff diff = PolicyDiff.between(live, file);
        if (live != null && diff.noChanges()) {
            return new PolicyPush(Action.UNCHANGED, file, diff, "policy '" + file.id() + "' version " + live.version()
                    + " in force has the same content; nothing published");
        }
        long floor = live == null ? 0 : live.version();
        if (file.version() > floor) {
            return new PolicyPush(Action.PUBLISH, file, diff, null);
        }
        if (bump) {
            PolicyDocument bumped = new PolicyDocument(file.id(), floor + 1, file.defaultEffect(), file.rules(),
                    file.allowedDestinations(), file.sensitivePaths(), file.thresholds());
            return new PolicyPush(Action.PUBLISH, bumped, PolicyDiff.between(live, bumped), null);
        }
        String why = live == null ? "has no version (set version: 1 or more)"
                : "has version " + file.version() + ", not newer than version " + live.version() + " in force";
        return new PolicyPush(Action.REFUSED, file, diff, "policy '" + file.id() + "' " + why
                + "; raise the version in the file or use --bump");
    }
}
