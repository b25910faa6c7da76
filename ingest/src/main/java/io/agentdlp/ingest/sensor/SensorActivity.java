package io.agentdlp.ingest.sensor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.agentdlp.avro.AgentEgressEvent;

/** Counters and the last few events (metadata only, never content) for {@code sensor status}. */
public final class SensorActivity {
    private static final int RECENT = 10;

    /** One recent event as status shows it. */
    public record Recent(Instant time, String source, String kind, String agent, String decision) {
    }

    final AtomicLong hooks = new AtomicLong();
    final AtomicLong otlpRecords = new AtomicLong();
    final AtomicLong otlpRejected = new AtomicLong();
    final AtomicLong denied = new AtomicLong();
    final AtomicLong warned = new AtomicLong();
    final AtomicLong asked = new AtomicLong();
    final AtomicLong failOpen = new AtomicLong();
    final AtomicLong failClosed = new AtomicLong();
    final AtomicLong notSpooled = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();
    private final Deque<Recent> recent = new ArrayDeque<>();

    void record(List<AgentEgressEvent> events) {
        synchronized (recent) {
            for (AgentEgressEvent e : events) {
                recent.addFirst(new Recent(e.getEventTime(), e.getSource().name(), e.getKind().name(), e.getAgent().getName(),
                        e.getAttributes().getOrDefault("dlp.decision", null)));
                while (recent.size() > RECENT) {
                    recent.removeLast();
                }
            }
        }
    }

    void count(Decision d) {
        switch (d.verdict()) {
            case DENY -> denied.incrementAndGet();
            case WARN -> warned.incrementAndGet();
            case ASK -> asked.incrementAndGet();
            case ALLOW -> { }
        }
        if ("open".equals(d.failMode())) {
            failOpen.incrementAndGet();
        } else if ("closed".equals(d.failMode())) {
            failClosed.incrementAndGet();
        }
    }

    public List<Recent> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    public long hooks() {
        return hooks.get();
    }

    public long denied() {
        return denied.get();
    }

    public long warned() {
        return warned.get();
    }

    public long asked() {
        return asked.get();
    }

    public long failOpen() {
        return failOpen.get();
    }

    public long failClosed() {
        return failClosed.get();
    }

    public long otlpRecords() {
        return otlpRecords.get();
    }

    public long otlpRejected() {
        return otlpRejected.get();
    }

    public long notSpooled() {
        return notSpooled.get();
    }

    public long badRequests() {
        return badRequests.get();
    }
}
