package io.agentdlp.topology.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GlobTest {
    private static final List<String> PATH_GLOBS = List.of(".env", "**/.env", ".env.*", "id_rsa*", "**/*.pem", "*.key",
            "**/secrets/**", "secrets/*", "**/.aws/credentials", ".kube/config", "src/**/main.?s", "**", "*", "a?c",
            "**/x/**/y", "/etc/**");
    private static final List<String> HOST_GLOBS = List.of("*.example.com", "example.com", "api.*.internal", "*", "h?st",
            "*corp*", "10.*");

    @Test
    void pathGlobsMatchExactlyWhatTheReferenceMatcherMatches() {
        List<String> paths = values(new Random(5), "/.-_abcdenvpmkyrsticlxyAEPM\\", List.of(".env", "id_rsa", ".pem", "secrets",
                ".aws/credentials", ".kube/config", "/etc/", "src/", "main.", "/x/", "/y"));
        for (String glob : PATH_GLOBS) {
            Glob g = Glob.path(glob);
            for (String p : paths) {
                assertThat(g.matchesPath(p)).as("%s on %s", glob, p).isEqualTo(referencePath(glob, p));
            }
        }
    }

    @Test
    void hostGlobsMatchExactlyWhatTheReferenceMatcherMatches() {
        List<String> hosts = values(new Random(7), ".-abcehilmnoprstxACEMX10", List.of("example.com", "api.", ".internal",
                "corp", "10.", "host"));
        for (String glob : HOST_GLOBS) {
            Glob g = Glob.host(glob);
            for (String h : hosts) {
                assertThat(g.matchesHost(h)).as("%s on %s", glob, h)
                        .isEqualTo(referenceHost(glob.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT), 0, 0));
            }
        }
    }

    @Test
    void anyOfAListMatchesWhenOneGlobMatchesAlone() {
        List<Glob> paths = PATH_GLOBS.stream().filter(g -> !g.equals("**") && !g.equals("*")).map(Glob::path).toList();
        List<Glob> hosts = HOST_GLOBS.stream().filter(g -> !g.equals("*")).map(Glob::host).toList();
        for (String p : values(new Random(11), "/.-_abcdenvpmkyrsticlxyAEPM\\", List.of(".env", "id_rsa", ".pem", "secrets",
                ".aws\\credentials", "C:\\x\\y", "/etc/", "src/", "main."))) {
            assertThat(Glob.anyPath(paths, p)).as(p).isEqualTo(paths.stream().anyMatch(g -> g.matchesPath(p)));
        }
        for (String h : values(new Random(13), ".-abcehilmnoprstxACEMX10", List.of("EXAMPLE.com", "api.", ".Internal", "corp"))) {
            assertThat(Glob.anyHost(hosts, h)).as(h).isEqualTo(hosts.stream().anyMatch(g -> g.matchesHost(h)));
        }
        assertThat(Glob.anyPath(paths, "C:\\Users\\dev\\.aws\\credentials")).isTrue();
        assertThat(Glob.anyHost(hosts, "API.X.INTERNAL")).isTrue();
        assertThat(Glob.anyPath(paths, null)).isFalse();
        assertThat(Glob.anyHost(hosts, null)).isFalse();
    }

    @Test
    void aValueWithoutTheGlobsLiteralNeverMatchesAndOneWithItStillNeedsTheWholeGlob() {
        assertThat(Glob.path("**/*.pem").matchesPath("/tmp/key.pe")).isFalse();
        assertThat(Glob.path("**/*.pem").matchesPath("/tmp/key.pem")).isTrue();
        assertThat(Glob.path("**/*.pem").matchesPath("/tmp/.pem/key")).isFalse();
        assertThat(Glob.path("*").matchesPath("anything")).isTrue();
        assertThat(Glob.host("*.example.com").matchesHost("EXAMPLE.COM.evil.org")).isFalse();
        assertThat(Glob.host("*.example.com").matchesHost("Api.EXAMPLE.com")).isTrue();
    }

    /** Random strings over {@code alphabet} with the globs' literal pieces mixed in, so that many match. */
    private static List<String> values(Random r, String alphabet, List<String> pieces) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + r.nextInt(5);
            for (int j = 0; j < parts; j++) {
                if (r.nextBoolean()) {
                    b.append(pieces.get(r.nextInt(pieces.size())));
                } else {
                    for (int k = r.nextInt(4); k >= 0; k--) {
                        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Path glob semantics written out directly: {@code **}{@code /} is any directories, {@code **} anything, {@code *} and {@code ?} stay in a directory. */
    private static boolean referencePath(String glob, String path) {
        String g = glob.trim().replace('\\', '/');
        if (!g.contains("/")) {
            g = "**/" + g;
        }
        return refPath(g, path.replace('\\', '/'), 0, 0);
    }

    private static boolean refPath(String g, String s, int gi, int si) {
        if (gi == g.length()) {
            return si == s.length();
        }
        char c = g.charAt(gi);
        if (c == '*' && gi + 1 < g.length() && g.charAt(gi + 1) == '*') {
            boolean slashAfter = gi + 2 < g.length() && g.charAt(gi + 2) == '/';
            if (slashAfter) {
                // nothing, or anything ending in '/'
                if (refPath(g, s, gi + 3, si)) {
                    return true;
                }
                for (int k = si; k < s.length(); k++) {
                    if (s.charAt(k) == '/' && refPath(g, s, gi + 3, k + 1)) {
                        return true;
                    }
                }
                return false;
            }
            for (int k = si; k <= s.length(); k++) {
                if (refPath(g, s, gi + 2, k)) {
                    return true;
                }
            }
            return false;
        }
        if (c == '*') {
            for (int k = si; k <= s.length(); k++) {
                if (refPath(g, s, gi + 1, k)) {
                    return true;
                }
                if (k < s.length() && s.charAt(k) == '/') {
                    return false;
                }
            }
            return false;
        }
        if (si == s.length()) {
            return false;
        }
        if (c == '?') {
            return s.charAt(si) != '/' && refPath(g, s, gi + 1, si + 1);
        }
        return s.charAt(si) == c && refPath(g, s, gi + 1, si + 1);
    }

    private static boolean referenceHost(String g, String s, int gi, int si) {
        if (gi == g.length()) {
            return si == s.length();
        }
        char c = g.charAt(gi);
        if (c == '*') {
            for (int k = si; k <= s.length(); k++) {
                if (referenceHost(g, s, gi + 1, k)) {
                    return true;
                }
            }
            return false;
        }
        if (si == s.length()) {
            return false;
        }
        return (c == '?' || s.charAt(si) == c) && referenceHost(g, s, gi + 1, si + 1);
    }
}
