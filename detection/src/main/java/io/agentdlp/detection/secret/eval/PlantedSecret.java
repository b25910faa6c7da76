package io.agentdlp.detection.secret.eval;

/**
 * A credential planted in a generated sample.
 *
 * @param family rule family expected to report it (as in the rule files)
 * @param kind   what was planted, e.g. {@code github-pat}, for reports
 * @param value  the exact secret text a finding's keyed hash must correspond to
 */
public record PlantedSecret(String family, String kind, String value) {
}
