package io.agentdlp.bench.secret;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Locale;

import io.agentdlp.bench.BuildUnderTest;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

/**
 * Interleaved A/B of one text layer of two builds of the detection library, on the benchmark's mixed traffic:
 * {@code normalize} ({@code AgentText.normalize} of a pooled copy of each text, as the scanner calls it) or
 * {@code base64} ({@code Base64Blobs.decodeAll} over each normalised text) or {@code percent}
 * ({@code PercentDecoder.decodeNearEscapes} over each normalised text, with the scanner's margin). Each build is loaded by its own
 * class loader, as in {@link SecretScanAB}; the two first prove they give the same rendering (chars and the
 * original offset of every char) for every text. Prints ns of this thread's CPU per input char for both
 * (medians over the second half of the rounds) and the median B/A speed-up.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.secret.TextLayersAB
 * <classpathA> <classpathB> normalize|base64|percent [size=102400] [rounds=16]}.
 */
public final class TextLayersAB {
    /** The margin the secret scanner decodes around percent-escapes with ({@code SecretScanner.PERCENT_MARGIN}). */
    private static final int PERCENT_MARGIN = 1024;

    private TextLayersAB() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3 || !List.of("normalize", "base64", "percent").contains(args[2])) {
            throw new IllegalArgumentException("usage: TextLayersAB <classpathA> <classpathB> normalize|base64|percent [size] [rounds]");
        }
        String layer = args[2];
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 102_400;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        String[] texts = new String[32];
        long chars = 0;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = corpus.traffic(size, true);
            chars += texts[i].length();
        }
        Layer a = new Layer(BuildUnderTest.loader(args[0]), layer, texts);
        Layer b = new Layer(BuildUnderTest.loader(args[1]), layer, texts);
        for (int i = 0; i < texts.length; i++) {
            if (!a.rendering(i).equals(b.rendering(i))) {
                throw new IllegalStateException("the builds' " + layer + " renderings differ on text " + i);
            }
        }
        // about 8 M chars per build and round
        int passes = (int) Math.max(1, (8L << 20) / chars);
        BuildUnderTest.Rounds cpu = BuildUnderTest.alternate(rounds, () -> a.run(passes), () -> b.run(passes));
        double perChar = 1e9 / ((double) passes * chars);
        System.out.printf(Locale.ROOT, "layer=%s size=%d, median of the last %d rounds: A %.2f, B %.2f ns per char, "
                        + "median B/A %.2f (checksum %d)%n", layer, size, rounds - cpu.from(), cpu.medianA() * perChar,
                cpu.medianB() * perChar, cpu.medianRatio(), cpu.checksum());
    }

    /** One build's layer, called through method handles (its classes are not this loader's). */
    private static final class Layer {
        private final String layer;
        private final String[] texts;
        private final MethodHandle of;
        private final MethodHandle normalize;
        private final MethodHandle decodeAll;
        private final MethodHandle percent;
        private final MethodHandle length;
        private final MethodHandle originalOffset;
        private final MethodHandle releaseAll;
        private final Object buffers;
        private final Object[] normalised;

        Layer(ClassLoader loader, String layer, String[] texts) throws Throwable {
            this.layer = layer;
            this.texts = texts;
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> decoded = loader.loadClass("io.agentdlp.detection.text.DecodedText");
            Class<?> pool = loader.loadClass("io.agentdlp.detection.text.RenderingBuffers");
            of = lookup.findStatic(decoded, "of", MethodType.methodType(decoded, CharSequence.class, int.class, pool));
            normalize = lookup.findStatic(loader.loadClass("io.agentdlp.detection.text.AgentText"), "normalize",
                    MethodType.methodType(decoded, decoded, pool));
            decodeAll = lookup.findStatic(loader.loadClass("io.agentdlp.detection.text.Base64Blobs"), "decodeAll",
                    MethodType.methodType(List.class, decoded, pool));
            percent = lookup.findStatic(loader.loadClass("io.agentdlp.detection.text.PercentDecoder"), "decodeNearEscapes",
                    MethodType.methodType(decoded, decoded, int.class, pool));
            length = lookup.findVirtual(decoded, "length", MethodType.methodType(int.class));
            originalOffset = lookup.findVirtual(decoded, "originalOffset", MethodType.methodType(int.class, int.class));
            releaseAll = lookup.findVirtual(pool, "releaseAll", MethodType.methodType(void.class));
            buffers = lookup.findStatic(pool, "reused", MethodType.methodType(pool)).invoke();
            Object unpooled = lookup.findStatic(pool, "unpooled", MethodType.methodType(pool)).invoke();
            normalised = new Object[texts.length];
            for (int i = 0; i < texts.length; i++) {
                normalised[i] = normalize.invoke(of.invoke(texts[i], texts[i].length(), unpooled), unpooled);
            }
        }

        /** The layer's output for text {@code i} as chars and original offsets, for the equality check. */
        String rendering(int i) throws Throwable {
            StringBuilder b = new StringBuilder();
            List<?> outputs = switch (layer) {
                case "normalize" -> List.of(normalised[i]);
                case "percent" -> List.of(percent.invoke(normalised[i], PERCENT_MARGIN, buffers));
                default -> (List<?>) decodeAll.invoke(normalised[i], buffers);
            };
            for (Object d : outputs) {
                int n = (int) length.invoke(d);
                b.append(d).append('\u0000');
                for (int k = 0; k <= n; k++) {
                    b.append((int) originalOffset.invoke(d, k)).append(',');
                }
            }
            releaseAll.invoke(buffers);
            return b.toString();
        }

        long run(int passes) {
            try {
                long sink = 0;
                for (int p = 0; p < passes; p++) {
                    for (int i = 0; i < texts.length; i++) {
                        if ("normalize".equals(layer)) {
                            sink += (int) length.invoke(normalize.invoke(of.invoke(texts[i], texts[i].length(), buffers), buffers));
                        } else if ("percent".equals(layer)) {
                            sink += (int) length.invoke(percent.invoke(normalised[i], PERCENT_MARGIN, buffers));
                        } else {
                            sink += ((List<?>) decodeAll.invoke(normalised[i], buffers)).size();
                        }
                        releaseAll.invoke(buffers);
                    }
                }
                return sink;
            } catch (Throwable e) {
                throw new IllegalStateException(layer + " failed", e);
            }
        }
    }
}
