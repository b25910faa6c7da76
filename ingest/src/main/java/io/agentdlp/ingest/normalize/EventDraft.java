package io.agentdlp.ingest.normalize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.User;

/**
 * A normalized event under construction: normalizers set what their source knows, then
 * {@link #build} stamps the device, fills user and repository defaults, and computes the idempotent
 * event id. Also used by the egress proxy.
 */
public final class EventDraft {
    private final EventSource source;
    private final String agentName;
    private EventKind kind = EventKind.other;
    private Instant eventTime;
    private String agentVersion;
    private String model;
    private String userId;
    private String userEmail;
    private String sessionId;
    private String turnId;
    private String toolUseId;
    private Tool tool;
    private Destination destination;
    private String filePath;
    private Content content;
    private String cwd;
    private boolean canBlock;
    private String rawRef;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> nativeIds = new ArrayList<>();

    public EventDraft(EventSource source, String agentName) {
        this.source = Objects.requireNonNull(source, "source");
        this.agentName = Objects.requireNonNull(agentName, "agentName");
    }

    public EventDraft kind(EventKind k) {
        this.kind = Objects.requireNonNull(k, "kind");
        return this;
    }

    public EventKind kind() {
        return kind;
    }

    public EventDraft eventTime(Instant t) {
        this.eventTime = t;
        return this;
    }

    public EventDraft agentVersion(String v) {
        this.agentVersion = v;
        return this;
    }

    public EventDraft model(String m) {
        this.model = m;
        return this;
    }

    public EventDraft user(String id, String email) {
        this.userId = id;
        this.userEmail = email;
        return this;
    }

    public EventDraft sessionId(String s) {
        this.sessionId = s;
        return this;
    }

    public EventDraft turnId(String t) {
        this.turnId = t;
        return this;
    }

    public EventDraft toolUseId(String t) {
        this.toolUseId = t;
        return this;
    }

    public EventDraft tool(Tool t) {
        this.tool = t;
        return this;
    }

    public EventDraft destination(Destination d) {
        this.destination = d;
        return this;
    }

    public Destination destination() {
        return destination;
    }

    public EventDraft filePath(String p) {
        this.filePath = p;
        return this;
    }

    public EventDraft content(Content c) {
        this.content = c;
        return this;
    }

    public EventDraft cwd(String c) {
        this.cwd = c;
        return this;
    }

    public EventDraft canBlock(boolean b) {
        this.canBlock = b;
        return this;
    }

    public EventDraft rawRef(String r) {
        this.rawRef = r;
        return this;
    }

    /** Adds a source attribute that has no field of its own; null or empty values are skipped. */
    public EventDraft attribute(String key, String value) {
        if (value != null && !value.isEmpty()) {
            attributes.put(key, value);
        }
        return this;
    }

    /** Adds native ids of the source record that enter the event id (beyond the record digest). */
    public EventDraft nativeIds(String... ids) {
        for (String id : ids) {
            nativeIds.add(id == null ? "" : id);
        }
        return this;
    }

    /** The Avro fields are timestamp-millis: truncate here so in-memory and decoded events are equal. */
    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Finishes the event.
     *
     * @param device       the machine and default user
     * @param repos        repository lookup for {@code cwd}
     * @param recordDigest digest of the native record
     * @param index        index of this event among those made from the record
     * @param now          the sensor clock (event time when the source has none; ingest time)
     */
    public AgentEgressEvent build(DeviceContext device, RepoLookup repos, byte[] recordDigest, int index, Instant now) {
        String id = EventIds.of(source.name(), device.deviceId(), recordDigest, index, nativeIds.toArray(String[]::new));
        Repo repo = cwd == null ? null : repos.lookup(cwd);
        return AgentEgressEvent.newBuilder()
                .setEventId(id)
                .setEventTime(millis(eventTime != null ? eventTime : now))
                .setIngestTime(millis(now))
                .setSource(source)
                .setDevice(new Device(device.deviceId(), device.hostname(), device.os()))
                .setUser(new User(userId != null ? userId : device.userId(),
                        userEmail != null ? userEmail : device.userEmail()))
                .setAgent(new Agent(agentName, agentVersion, model))
                .setSessionId(sessionId)
                .setTurnId(turnId)
                .setToolUseId(toolUseId)
                .setKind(kind)
                .setTool(tool)
                .setDestination(destination)
                .setFilePath(filePath)
                .setContent(content)
                .setFindings(new ArrayList<>())
                .setFingerprints(null)
                .setPrivacyMode(false)
                .setCwd(cwd)
                .setRepo(repo)
                .setCanBlock(canBlock)
                .setRawRef(rawRef)
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
    }
}
