package io.agentdlp.ingest.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.detection.policy.PolicyFileException;

/**
 * What the gateway hands a sensor on {@code GET /v1/policies/<id>} and what the sensor caches on
 * disk: one policy document (in the policy file format) and the subject its token is bound to.
 * <pre>{"subject":{"device_id":"…","user_id":"…","user_email":"…","groups":["…"]},"policy":{…policy file JSON…}}</pre>
 *
 * @param policy  the policy in force
 * @param subject who the requesting token belongs to
 */
public record PolicyBundle(PolicyDocument policy, PolicySubject subject) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The HTTP entity tag of this bundle: changes with the policy version and the subject. */
    public String etag() {
        // Objects.hash is specified (unlike a record's hashCode), so sensor and gateway agree across JVMs
        int who = Objects.hash(subject.deviceId(), subject.userId(), subject.userEmail(), subject.groups());
        return "\"" + policy.id() + "-v" + policy.version() + "-" + Integer.toHexString(who) + "\"";
    }

    public String render() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("subject");
        s.put("device_id", subject.deviceId());
        s.put("user_id", subject.userId());
        s.put("user_email", subject.userEmail());
        subject.groups().forEach(s.putArray("groups")::add);
        try {
            root.set("policy", JSON.readTree(PolicyFile.render(policy)));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new PolicyFileException("cannot render policy bundle '" + policy.id() + "': " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a bundle; {@code origin} names it in error messages. */
    public static PolicyBundle parse(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyFileException(origin + ": not a policy bundle: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("policy").isObject()) {
            throw new PolicyFileException(origin + ": not a policy bundle: missing object 'policy'");
        }
        JsonNode s = root.path("subject");
        List<String> groups = new ArrayList<>();
        s.path("groups").forEach(g -> groups.add(g.asText()));
        PolicySubject subject = new PolicySubject(text(s, "device_id"), text(s, "user_id"), text(s, "user_email"), groups);
        return new PolicyBundle(PolicyFile.parse(root.get("policy").toString(), origin), subject);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
