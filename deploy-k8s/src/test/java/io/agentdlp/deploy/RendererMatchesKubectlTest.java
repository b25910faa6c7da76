package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agentdlp.deploy.render.KubectlKustomize;
import io.agentdlp.deploy.render.KustomizeSubset;

/**
 * Where kubectl (kustomize v5+) is installed, the in-repo renderer must produce exactly what
 * {@code kubectl kustomize} produces, object for object. This is what lets the rule tests trust the
 * in-repo renderer on machines without kubectl.
 */
class RendererMatchesKubectlTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kustomizeSubsetRendersTheSameObjectsAsKubectl(Overlay overlay) {
        var kubectl = KubectlKustomize.find();
        assumeTrue(kubectl.isPresent(), "kubectl with kustomize v5+ is not installed");
        Map<String, ObjectNode> expected = byId(kubectl.get().render(overlay.dir()));
        Map<String, ObjectNode> actual = byId(KustomizeSubset.render(overlay.dir()));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, object) -> assertThat(actual.get(id)).as(id).isEqualTo(object));
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> m = new LinkedHashMap<>();
        objects.forEach(o -> m.put(o.path("apiVersion").asText() + " " + Manifests.id(o), o));
        return m;
    }
}
