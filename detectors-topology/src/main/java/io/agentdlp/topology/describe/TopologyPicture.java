package io.agentdlp.topology.describe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;

import io.agentdlp.topology.DlpTopology;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * Renders a Kafka Streams {@link TopologyDescription} as a picture: Mermaid (renders on GitHub and
 * in most Markdown viewers) or Graphviz dot. Sub-topologies and global stores are boxes; topics are
 * drawn once and connect the sinks that write them to the sources that read them (so repartition
 * topics link sub-topologies); state stores hang off the processors that use them. Output is sorted,
 * so the same topology always renders the same text (docs/topology.mmd is checked against it).
 */
public final class TopologyPicture {
    /** Picture formats. */
    public enum Format { MERMAID, DOT }

    private TopologyPicture() {
    }

    /** The description of the topology {@code config} builds. */
    public static TopologyDescription describe(TopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        DlpTopology topology = DlpTopology.buildTopology(builder, config);
        try {
            return builder.build(StreamsSettings.properties(config, DlpMetrics.detached())).describe();
        } finally {
            topology.close();
        }
    }

    public static String render(TopologyDescription d, Format format) {
        Graph g = Graph.of(d);
        return format == Format.MERMAID ? mermaid(g) : dot(g);
    }

    private static String mermaid(Graph g) {
        StringBuilder b = new StringBuilder("flowchart LR\n");
        for (Group group : g.groups) {
            b.append("  subgraph ").append(group.id).append("[\"").append(group.label).append("\"]\n");
            for (String n : group.processors) {
                b.append("    ").append(id("p", n)).append("[\"").append(n).append("\"]\n");
            }
            b.append("  end\n");
        }
        g.topics.forEach(t -> b.append("  ").append(id("t", t)).append("[/\"").append(t).append("\"/]\n"));
        g.stores.forEach(s -> b.append("  ").append(id("s", s)).append("[(\"").append(s).append("\")]\n"));
        for (Edge e : g.edges) {
            b.append("  ").append(id(e.fromKind, e.from)).append(e.store ? " -.- " : " --> ").append(id(e.toKind, e.to))
                    .append('\n');
        }
        b.append("  classDef topic fill:#eef,stroke:#557\n  classDef store fill:#efe,stroke:#575\n");
        if (!g.topics.isEmpty()) {
            b.append("  class ").append(String.join(",", g.topics.stream().map(t -> id("t", t)).toList())).append(" topic\n");
        }
        if (!g.stores.isEmpty()) {
            b.append("  class ").append(String.join(",", g.stores.stream().map(s -> id("s", s)).toList())).append(" store\n");
        }
        return b.toString();
    }

    private static String dot(Graph g) {
        StringBuilder b = new StringBuilder("digraph topology {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n");
        for (Group group : g.groups) {
            b.append("  subgraph cluster_").append(group.id).append(" {\n    label=\"").append(group.label).append("\";\n");
            for (String n : group.processors) {
                b.append("    ").append(quote(id("p", n))).append(" [label=").append(quote(n)).append(", shape=box];\n");
            }
            b.append("  }\n");
        }
        g.topics.forEach(t -> b.append("  ").append(quote(id("t", t))).append(" [label=").append(quote(t))
                .append(", shape=parallelogram, style=filled, fillcolor=\"#eeeeff\"];\n"));
        g.stores.forEach(s -> b.append("  ").append(quote(id("s", s))).append(" [label=").append(quote(s))
                .append(", shape=cylinder, style=filled, fillcolor=\"#eeffee\"];\n"));
        for (Edge e : g.edges) {
            b.append("  ").append(quote(id(e.fromKind, e.from))).append(" -> ").append(quote(id(e.toKind, e.to)))
                    .append(e.store ? " [style=dashed, arrowhead=none];\n" : ";\n");
        }
        return b.append("}\n").toString();
    }

    /** A node id safe in both formats: kind prefix plus the name with anything but [A-Za-z0-9_] replaced. */
    private static String id(String kind, String name) {
        return kind + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    /** A box of processors: one sub-topology or one global store. */
    private record Group(String id, String label, List<String> processors) {
    }

    /** An edge; {@code store} edges link a processor with a state store. */
    private record Edge(String fromKind, String from, String toKind, String to, boolean store) {
    }

    /** The description flattened into sorted groups, topics, stores and edges. */
    private static final class Graph {
        final List<Group> groups = new ArrayList<>();
        final Set<String> topics = new TreeSet<>();
        final Set<String> stores = new TreeSet<>();
        final Set<Edge> edgeSet = new TreeSet<>(Comparator.comparing(Edge::fromKind).thenComparing(Edge::from)
                .thenComparing(Edge::toKind).thenComparing(Edge::to).thenComparing(Edge::store));
        List<Edge> edges;

        static Graph of(TopologyDescription d) {
            Graph g = new Graph();
            d.subtopologies().stream().sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id)).forEach(st -> {
                List<String> names = new ArrayList<>();
                st.nodes().stream().sorted(Comparator.comparing(TopologyDescription.Node::name)).forEach(n -> {
                    names.add(n.name());
                    g.node(n);
                });
                g.groups.add(new Group("st" + st.id(), "sub-topology " + st.id(), names));
            });
            d.globalStores().stream().sorted(Comparator.comparingInt(TopologyDescription.GlobalStore::id)).forEach(gs -> {
                g.node(gs.source());
                g.node(gs.processor());
                g.groups.add(new Group("gs" + gs.id(), "global store " + String.join(", ", new TreeSet<>(gs.processor().stores())),
                        List.of(gs.source().name(), gs.processor().name())));
            });
            g.edges = List.copyOf(g.edgeSet);
            return g;
        }

        private void node(TopologyDescription.Node n) {
            for (TopologyDescription.Node s : n.successors()) {
                edgeSet.add(new Edge("p", n.name(), "p", s.name(), false));
            }
            if (n instanceof TopologyDescription.Source src) {
                Set<String> ts = src.topicSet() != null ? src.topicSet() : Set.of(String.valueOf(src.topicPattern()));
                for (String t : ts) {
                    topics.add(t);
                    edgeSet.add(new Edge("t", t, "p", n.name(), false));
                }
            } else if (n instanceof TopologyDescription.Sink sink) {
                String t = sink.topic() != null ? sink.topic() : "(dynamic: " + sink.topicNameExtractor() + ")";
                topics.add(t);
                edgeSet.add(new Edge("p", n.name(), "t", t, false));
            } else if (n instanceof TopologyDescription.Processor p) {
                for (String s : p.stores()) {
                    stores.add(s);
                    edgeSet.add(new Edge("p", n.name(), "s", s, true));
                }
            }
        }
    }
}
