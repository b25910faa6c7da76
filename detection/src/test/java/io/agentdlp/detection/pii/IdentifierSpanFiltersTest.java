package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@link IdentifierSpanFilters} must stay the union of every identifier matcher's span filter, or the screen
 * drops spans a matcher would search. The filters are found by reading the package's compiled classes, so a
 * matcher added later is checked without anyone remembering this test.
 */
class IdentifierSpanFiltersTest {
    @Test
    void acceptsEverySpanThatSomeIdentifierFilterAccepts() throws Exception {
        List<Field> filters = identifierFilters();
        assertThat(filters).hasSizeGreaterThanOrEqualTo(12);
        SplittableRandom random = new SplittableRandom(11);
        Spans spans = new Spans();
        for (int n = 0; n < 200_000; n++) {
            int length = 1 + random.nextInt(40);
            int digits = random.nextInt(length + 1);
            int longest = digits == 0 ? 0 : 1 + random.nextInt(digits);
            int runLengths = 0;
            for (int r = random.nextInt(4); r >= 0 && longest > 0; r--) {
                runLengths |= Spans.lengthBit(1 + random.nextInt(longest));
            }
            if (longest > 0) {
                runLengths |= Spans.lengthBit(longest);
            }
            int freeRunLengths = runLengths & random.nextInt();
            spans.add(0, length, digits, random.nextInt(length - digits + 1), 0, 0, longest, runLengths, freeRunLengths);
            int i = spans.size() - 1;
            for (Field f : filters) {
                if (((Spans.Filter) f.get(null)).test(spans, i)) {
                    assertThat(IdentifierSpanFilters.anyAccepts(spans, i))
                            .as("%s.%s accepts span %s", f.getDeclaringClass().getSimpleName(), f.getName(), n).isTrue();
                }
            }
            spans.removeLast();
        }
    }

    /** Every static {@link Spans.Filter} of the package but the e-mail matcher's (e-mail spans are another class). */
    private static List<Field> identifierFilters() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Spans.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Spans.class.getPackageName().replace('.', '/'));
        List<Field> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = p.getFileName().toString();
                Class<?> c = Class.forName(Spans.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (c == EmailMatcher.class) {
                    continue;
                }
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && f.getType() == Spans.Filter.class) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }
}
