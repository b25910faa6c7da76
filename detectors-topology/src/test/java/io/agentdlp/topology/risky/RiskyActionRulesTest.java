package io.agentdlp.topology.risky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.detection.shell.NetworkCommands;

class RiskyActionRulesTest {
    private final RiskyActionDetector detector = new RiskyActionDetector(RiskyActionRules.builtIn(),
            new HostClassifier(List.of("localhost", "*.local", "*.internal", "*.corp")), Set.of("origin", "upstream"));

    @Test
    void everyBuiltInRuleHasExamplesThatBehave() {
        List<RiskyActionRule> rules = RiskyActionRules.builtIn().rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(12);
        for (RiskyActionRule r : rules) {
            assertThat(r.matches()).as(r.id() + " positive examples").isNotEmpty();
            assertThat(r.noMatches()).as(r.id() + " negative examples").isNotEmpty();
            for (String ex : r.matches()) {
                assertThat(detector.fires(r, ex)).as(r.id() + " must fire on: " + ex).isTrue();
            }
            for (String ex : r.noMatches()) {
                assertThat(detector.fires(r, ex)).as(r.id() + " must not fire on: " + ex).isFalse();
            }
        }
    }

    @Test
    void gitPushToTheRepositoryOwnRemoteIsNotFlagged() {
        String cmd = "git push https://github.com/acme/app.git main";
        RiskyActionDetector.Input own = new RiskyActionDetector.Input(cmd, NetworkCommands.analyze(cmd), null, null,
                "git@github.com:acme/app.git");
        assertThat(detector.detect(own)).extracting(RiskyActionRule::id).doesNotContain("git-push-unknown-remote");
        RiskyActionDetector.Input other = new RiskyActionDetector.Input(cmd, NetworkCommands.analyze(cmd), null, null,
                "git@github.com:acme/other.git");
        assertThat(detector.detect(other)).extracting(RiskyActionRule::id).contains("git-push-unknown-remote");
    }

    @Test
    void userFileOverridesAndAdds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("extra.json");
        Files.writeString(f, """
                {"rules":[
                  {"id":"scp-external","severity":"LOW","pattern":"\\\\bscp\\\\b","condition":"external-host"},
                  {"id":"kubectl-secret","severity":"HIGH","pattern":"kubectl\\\\s+get\\\\s+secrets?","target":"command"}
                ]}""");
        RiskyActionRules rules = RiskyActionRules.builtIn().withFile(f);
        assertThat(rules.rules()).extracting(RiskyActionRule::id).contains("kubectl-secret");
        assertThat(rules.rules().stream().filter(r -> r.id().equals("scp-external")).findFirst().orElseThrow().severity().name())
                .isEqualTo("LOW");
    }

    @Test
    void invalidRuleNamesFileAndRule(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"rules\":[{\"id\":\"broken\",\"pattern\":\"([a-z\"}]}");
        assertThatThrownBy(() -> RiskyActionRules.builtIn().withFile(f))
                .isInstanceOf(RiskyRuleException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("broken").hasMessageContaining("invalid pattern");
    }

    @Test
    void hostClassification() {
        HostClassifier h = new HostClassifier(List.of("*.corp"));
        assertThat(h.isExternal("10.1.2.3")).isFalse();
        assertThat(h.isExternal("172.20.0.1")).isFalse();
        assertThat(h.isExternal("192.168.1.1")).isFalse();
        assertThat(h.isExternal("build.corp")).isFalse();
        assertThat(h.isExternal("buildbox")).isFalse();
        assertThat(h.isExternal("8.8.8.8")).isTrue();
        assertThat(h.isExternal("example.com")).isTrue();
    }
}
