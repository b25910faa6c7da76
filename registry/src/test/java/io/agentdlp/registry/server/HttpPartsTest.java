package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Path decoding, templates, query strings and version ids of the HTTP API. */
class HttpPartsTest {

    @Test
    void pathSegmentsArePercentDecodedOneByOne() {
        assertThat(PathSegments.split("/subjects/a%2Fb%20c+d/versions/")).containsExactly("subjects", "a/b c+d", "versions");
        assertThat(PathSegments.split("/subjects/%C3%A9t%C3%A9")).containsExactly("subjects", "été");
        assertThat(PathSegments.split("/")).isEmpty();
        assertThatThrownBy(() -> PathSegments.split("/subjects/%zz")).isInstanceOf(RegistryError.class);
        assertThatThrownBy(() -> PathSegments.split("/subjects/%4")).isInstanceOf(RegistryError.class);
    }

    @Test
    void queryStringsKeepTheFirstValue() {
        assertThat(PathSegments.query("deleted=true&subjectPrefix=a%2Fb&deleted=false&flag"))
                .isEqualTo(Map.of("deleted", "true", "subjectPrefix", "a/b", "flag", ""));
        assertThat(PathSegments.query(null)).isEmpty();
    }

    @Test
    void templatesBindParameters() {
        PathTemplate t = new PathTemplate("/subjects/{subject}/versions/{version}");
        assertThat(t.match(List.of("subjects", "s", "versions", "latest"))).contains(Map.of("subject", "s", "version", "latest"));
        assertThat(t.match(List.of("subjects", "s", "versions"))).isEmpty();
        assertThat(t.match(List.of("schemas", "s", "versions", "1"))).isEmpty();
        assertThat(new PathTemplate("/").match(List.of())).contains(Map.of());
    }

    @Test
    void versionIdsFollowConfluent() {
        assertThat(VersionId.parse("latest").latest()).isTrue();
        assertThat(VersionId.parse("-1").latest()).isTrue();
        assertThat(VersionId.parse("2147483647").number()).isEqualTo(Integer.MAX_VALUE);
        for (String bad : new String[] {"0", "-2", "2147483648", "LATEST", "1.0", ""}) {
            assertThatThrownBy(() -> VersionId.parse(bad)).as(bad).isInstanceOfSatisfying(RegistryError.class,
                    e -> assertThat(e.errorCode()).isEqualTo(42202));
        }
    }

    @Test
    void compatibilityLevelsParseCaseInsensitively() {
        assertThat(CompatibilityLevel.parse(" full_transitive ")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }
}
