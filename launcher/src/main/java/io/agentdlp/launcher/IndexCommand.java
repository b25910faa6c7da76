package io.agentdlp.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.FingerprintConfig;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexException;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexStats;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.sourcetree.IndexListener;
import io.agentdlp.detection.fingerprint.sourcetree.IndexRunSummary;
import io.agentdlp.detection.fingerprint.sourcetree.RepoIndexer;
import io.agentdlp.detection.fingerprint.sourcetree.WalkOptions;
import io.agentdlp.launcher.index.ByteSize;
import io.agentdlp.launcher.index.CodeIndexPublisher;
import io.agentdlp.launcher.index.IndexListeners;
import io.agentdlp.launcher.index.IndexProgressLine;
import io.agentdlp.serde.AvroSerdeConfig;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp index}: builds or updates the own-code fingerprint index from source trees. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fingerprint source trees into the own-code index (RocksDB) that 'agentdlp scan --index-dir' and the "
                + "detectors query.",
                "Incremental per --repo: unchanged files (same SHA-256) are skipped, files that disappeared are removed, other "
                        + "repos in the same index are untouched. Honours .gitignore; skips binary, vendored and generated files.",
                "Exit code 0 = done, 2 = error."})
public final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--index-dir", required = true, paramLabel = "DIR", description = "Index directory (created if missing).")
    Path indexDir;

    @Option(names = "--repo", required = true, paramLabel = "NAME", description = "Repository name the files are indexed under.")
    String repo;

    @Option(names = "--ignore", description = "Index PATHs as ignore corpus (public/boilerplate code whose fingerprints never "
            + "count as evidence: license headers, generated code, vendored libraries).")
    boolean ignore;

    @Option(names = "--commit", paramLabel = "SHA", description = "Commit of the indexed tree, recorded on the documents.")
    String commit;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: number of CPUs).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-file-size", defaultValue = "1MB", paramLabel = "SIZE",
            description = "Skip larger files (default: ${DEFAULT-VALUE}).")
    String maxFileSize;

    @Option(names = "--all-files", description = "Index every text file, not only files with a source-code extension.")
    boolean allFiles;

    @Option(names = "--no-default-excludes", description = "Also index vendored, build-output and generated directories and files.")
    boolean noDefaultExcludes;

    @Option(names = "--no-gitignore", description = "Do not apply .gitignore files.")
    boolean noGitIgnore;

    @Option(names = "--kgram", paramLabel = "K", description = "k-gram length in tokens for a new index (default: 16).")
    Integer kgram;

    @Option(names = "--window", paramLabel = "W", description = "Winnowing window for a new index (default: 3).")
    Integer window;

    @Option(names = "--block-cache", defaultValue = "128MB", paramLabel = "SIZE",
            description = "RocksDB block cache (default: ${DEFAULT-VALUE}).")
    String blockCache;

    @Option(names = "--write-buffer", defaultValue = "64MB", paramLabel = "SIZE",
            description = "RocksDB memtable budget (default: ${DEFAULT-VALUE}).")
    String writeBuffer;

    @Option(names = "--no-compact", description = "Skip the compaction that follows a bulk (first) load of a repo.")
    boolean noCompact;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--publish", description = "Also write changed files (records) and removed files (tombstones) to the "
            + "compacted code-index topic.")
    boolean publish;

    @Option(names = "--publish-all", description = "With --publish: also republish the repo's unchanged files.")
    boolean publishAll;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:AGENTDLP_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers for --publish (default: $AGENTDLP_BOOTSTRAP_SERVERS, else ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = {"--registry-url", "--schema-registry"}, paramLabel = "URL",
            defaultValue = "${env:AGENTDLP_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL for --publish (default: $AGENTDLP_SCHEMA_REGISTRY_URL, else ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "Properties file with further Kafka client and serde settings (security.protocol, sasl.*, ssl.*, ...).")
    Path clientConfig;

    @Option(names = "--topic", paramLabel = "NAME", description = "Code-index topic (default: topic.code-index from "
            + "--client-config, else dlp-code-index).")
    String topic;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Source trees (directories or files).")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IndexOptions options;
        WalkOptions walk;
        try {
            FingerprintConfig fingerprint = kgram == null && window == null ? FingerprintConfig.DEFAULT
                    : FingerprintConfig.of(kgram == null ? FingerprintConfig.DEFAULT.k() : kgram,
                    window == null ? FingerprintConfig.DEFAULT.w() : window);
            options = IndexOptions.DEFAULT.withFingerprint(fingerprint)
                    .withBlockCacheBytes(ByteSize.parse("--block-cache", blockCache))
                    .withWriteBufferBytes(ByteSize.parse("--write-buffer", writeBuffer));
            walk = new WalkOptions(ByteSize.parse("--max-file-size", maxFileSize), allFiles, !noDefaultExcludes, !noGitIgnore);
            new RepoIndexer.Options(repo, ignore, commit, threads, walk);
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("no such file or directory: " + p);
                }
            }
            if (publishAll && !publish) {
                throw new IllegalArgumentException("--publish-all needs --publish");
            }
        } catch (IllegalArgumentException e) {
            err.println("agentdlp index: " + e.getMessage());
            return 2;
        }
        try (FingerprintIndex index = FingerprintIndex.open(indexDir, options);
             Publishing publishing = publish ? Publishing.start(producerConfig(), serdeConfig(), topicName()) : null) {
            List<IndexListener> listeners = new ArrayList<>();
            IndexProgressLine progress = quiet || System.console() == null ? null
                    : new IndexProgressLine(err, repo, System::nanoTime);
            if (progress != null) {
                listeners.add(progress);
            }
            Set<String> published = new HashSet<>();
            if (publishing != null) {
                listeners.add(publishing.publisher());
                listeners.add(new IndexListener() {
                    @Override
                    public void written(IndexedDocument document) {
                        published.add(document.sourcePath());
                    }
                });
            }
            RepoIndexer indexer = new RepoIndexer(index, new RepoIndexer.Options(repo, ignore, commit, threads, walk),
                    new IndexListeners(listeners));
            IndexRunSummary s;
            try {
                s = indexer.run(paths);
            } finally {
                if (progress != null) {
                    progress.done();
                }
            }
            if (s.bulk() && !noCompact) {
                index.compact();
            }
            if (publishing != null) {
                if (publishAll) {
                    for (String path : index.files(repo).keySet()) {
                        if (!published.contains(path)) {
                            index.get(repo, path).ifPresent(publishing.publisher()::publish);
                        }
                    }
                }
                publishing.publisher().finish();
            }
            IndexStats stats = index.stats();
            out.printf("indexed repo %s%s: %d file(s): %d added, %d replaced, %d unchanged, %d removed, %d skipped; "
                            + "%.1f MB in %.1f s (%.1f MB/s)%s%n", repo, ignore ? " (ignore corpus)" : "", s.files(), s.added(),
                    s.replaced(), s.unchanged(), s.removed(), s.skipped(), s.bytes() / 1e6, s.millis() / 1e3,
                    s.millis() == 0 ? 0.0 : s.bytes() / 1e3 / s.millis(), s.bulk() ? ", bulk load" : "");
            out.printf("index %s: %d repo(s), ~%d document(s), ~%d distinct fingerprint(s), %.1f MB on disk (k=%d, w=%d)%n",
                    indexDir, stats.repos(), stats.documents(), stats.postingKeys(), stats.diskBytes() / 1e6,
                    index.config().k(), index.config().w());
            if (publishing != null) {
                out.printf("published %d record(s) and %d tombstone(s) to %s%n", publishing.publisher().records(),
                        publishing.publisher().tombstones(), publishing.topic());
            }
            out.flush();
            return 0;
        } catch (IndexException | IOException | CodeIndexPublisher.PublishException | KafkaException e) {
            err.println("agentdlp index: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("agentdlp index: interrupted");
            return 2;
        }
    }

    private String topicName() throws IOException {
        if (topic != null) {
            return topic;
        }
        Map<String, String> names = new HashMap<>();
        fileSettings().forEach((k, v) -> names.put(k, String.valueOf(v)));
        return new TopicNames(names).name(Topics.CODE_INDEX);
    }

    private Map<String, Object> fileSettings() throws IOException {
        Map<String, Object> m = new HashMap<>();
        if (clientConfig != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        }
        return m;
    }

    private Map<String, Object> producerConfig() throws IOException {
        Map<String, Object> m = fileSettings();
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        m.put(CommonClientConfigs.CLIENT_ID_CONFIG, "agentdlp-index");
        m.put(ProducerConfig.ACKS_CONFIG, "all");
        m.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // one large file's fingerprints must fit a request; the topic allows 8 MiB messages
        m.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return m;
    }

    private Map<String, Object> serdeConfig() throws IOException {
        Map<String, Object> m = fileSettings();
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        return m;
    }

    /** The producer, serdes and publisher of one --publish run. */
    private record Publishing(TopicSerdes serdes, KafkaProducer<String, CodeIndexRecord> producer,
                              CodeIndexPublisher publisher, String topic) implements AutoCloseable {
        static Publishing start(Map<String, Object> producerConfig, Map<String, Object> serdeConfig, String topic) {
            TopicSerdes serdes = TopicSerdes.fromConfig(serdeConfig);
            try {
                KafkaProducer<String, CodeIndexRecord> producer = new KafkaProducer<>(producerConfig,
                        serdes.keySerde(Topics.CODE_INDEX).serializer(), serdes.valueSerde(Topics.CODE_INDEX).serializer());
                return new Publishing(serdes, producer, new CodeIndexPublisher(producer, topic, Clock.systemUTC()), topic);
            } catch (RuntimeException e) {
                serdes.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                producer.close();
            } finally {
                serdes.close();
            }
        }
    }
}
