package io.agentdlp.bench.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a stream thread's time goes, from a JFR recording of {@link StreamThreadThroughput}: the
 * execution samples of the threads named {@code <client>-StreamThread-<n>}, each put in one phase of
 * the thread's loop (commit, poll, punctuate, process, task set-up) and, within processing, charged to
 * the innermost topology processor (or Streams component: event deserialisation, sends to the
 * repartition topic) on its stack. Sampling shares are independent of how busy the machine is, which
 * CPU-per-event figures on a shared machine are not; the run includes start-up (the set-up phase).
 *
 * <p>Record (stack depth must exceed Streams' nesting of forwards):
 * {@code java -Xmx3g -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=st.jfr,settings=profile,jdk.ExecutionSample#period=1ms
 * -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.StreamThreadThroughput 20000 3000 stateful}, then
 * {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.StreamThreadSamples st.jfr}.
 */
public final class StreamThreadSamples {
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");
    /** Loop phases, first match over the whole stack wins. */
    private static final Map<String, String> PHASES = new LinkedHashMap<>();
    /** Within processing: the innermost frame naming one of these is charged. */
    private static final List<String> STAGES = List.of("RecordCollectorImpl.send", "InspectProcessor", "DuplicateContentFilter",
            "ContentDetection", "SequenceDetector", "TimelineRecorder", "SessionRecorder", "VolumeAnomalyDetector",
            "VolumeSamples", "AlertAggregator", "CodeMatch", "KStreamFilter", "KStreamFlatMap", "SourceNode", "RecordQueue",
            "PartitionGroup");

    static {
        PHASES.put("StreamThread.maybeCommit", "commit");
        PHASES.put("TaskManager.commit", "commit");
        PHASES.put("StreamThread.pollPhase", "poll");
        PHASES.put("StreamThread.pollRequests", "poll");
        PHASES.put("TaskManager.punctuate", "punctuate");
        PHASES.put("TaskManager.process", "process");
        PHASES.put("StreamThread.initializeAndRestorePhase", "task set-up and restoration");
        PHASES.put("TaskManager.tryToCompleteRestoration", "task set-up and restoration");
        PHASES.put("TaskManager.handleAssignment", "task set-up and restoration");
        PHASES.put("StreamThread.checkStateUpdater", "task set-up and restoration");
    }

    private StreamThreadSamples() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StreamThreadSamples <recording.jfr>");
            return;
        }
        Map<String, Integer> phases = new TreeMap<>();
        Map<String, Integer> stages = new TreeMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            RecordedThread t = e.getThread("sampledThread");
            if (t == null || t.getJavaName() == null || !STREAM_THREAD.matcher(t.getJavaName()).matches()) {
                continue;
            }
            List<String> frames = e.getStackTrace().getFrames().stream().map(StreamThreadSamples::name).toList();
            total++;
            String phase = phase(frames);
            phases.merge(phase, 1, Integer::sum);
            if (phase.equals("process")) {
                stages.merge(stage(frames), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples on stream threads%n", total);
        print("loop phase", phases, total);
        print("within processing, innermost stage", stages, total);
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String phase(List<String> frames) {
        for (Map.Entry<String, String> p : PHASES.entrySet()) {
            for (String f : frames) {
                if (f.contains(p.getKey())) {
                    return p.getValue();
                }
            }
        }
        return "other (loop, metrics, idle checks)";
    }

    private static String stage(List<String> frames) {
        for (String f : frames) {
            for (String s : STAGES) {
                if (f.contains(s)) {
                    return s;
                }
            }
        }
        return "other (task, record context)";
    }

    private static void print(String title, Map<String, Integer> counts, int total) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(c -> System.out.printf(Locale.ROOT, "  %-40s %6d  %5.1f %%%n", c.getKey(), c.getValue(),
                        100.0 * c.getValue() / Math.max(1, total)));
    }
}
