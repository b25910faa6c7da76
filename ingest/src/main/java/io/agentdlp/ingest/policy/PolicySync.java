package io.agentdlp.ingest.policy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.policy.PolicyFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the enforced policy current from the gateway: asks {@code GET /v1/policies/<id>} with the
 * sensor's token every poll interval, sending the entity tag of what it enforces so an unchanged
 * policy costs a 304. A new version is installed and cached on disk; failures keep the current
 * version (the sensor goes on enforcing while disconnected) and are reported in {@code status}.
 */
public final class PolicySync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySync.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final PolicySettings settings;
    private final EnforcedPolicy policy;
    private final PolicyCache cache;
    private final Clock clock;
    private final HttpClient http;
    private final URI url;
    private final ScheduledExecutorService timer;
    private volatile String etag;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    public PolicySync(PolicySettings settings, EnforcedPolicy policy, PolicyCache cache, Clock clock) {
        this.settings = settings;
        this.policy = policy;
        this.cache = cache;
        this.clock = clock;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT);
        if (settings.ssl() != null) {
            b.sslContext(settings.ssl());
        }
        this.http = b.build();
        String base = settings.gateway().toString();
        this.url = URI.create((base.endsWith("/") ? base : base + "/") + "v1/policies/"
                + URLEncoder.encode(settings.policyId(), StandardCharsets.UTF_8));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agentdlp-policy-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling now and then every poll interval. */
    public void start() {
        long every = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::pollQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Starts from a bundle already enforced (the cache), so an unchanged policy answers 304 from the first request. */
    public void knownBundle(PolicyBundle bundle) {
        this.etag = bundle.etag();
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the timer must survive anything, or the sensor would silently stop updating its policy
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One request; true when a new version was installed. */
    public boolean poll() throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET()
                .header("Authorization", "Bearer " + settings.gatewayToken());
        String tag = etag;
        if (tag != null) {
            b.header("If-None-Match", tag);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            fail("unreachable: " + e.getClass().getSimpleName());
            return false;
        }
        if (r.statusCode() == 304) {
            ok();
            return false;
        }
        if (r.statusCode() != 200) {
            fail("status " + r.statusCode() + ": " + firstLine(r.body()));
            return false;
        }
        PolicyBundle bundle;
        try {
            bundle = PolicyBundle.parse(r.body(), url.toString());
        } catch (PolicyFileException e) {
            fail("invalid policy: " + e.getMessage());
            return false;
        }
        boolean changed = policy.install(bundle, "gateway");
        etag = r.headers().firstValue("ETag").orElse(bundle.etag());
        if (changed) {
            try {
                cache.save(bundle);
            } catch (IOException e) {
                LOG.error("event=policy_cache_write_failed file={} error={}", cache.file(), e.toString());
            }
        }
        ok();
        return changed;
    }

    private void ok() {
        if (lastError != null) {
            LOG.info("event=policy_sync_recovered url={}", url);
        }
        lastError = null;
        lastSuccess = clock.instant();
    }

    private void fail(String error) {
        if (!error.equals(lastError)) {
            LOG.warn("event=policy_sync_failed url={} error={} enforcing_version={}", url, error,
                    policy.current() == null ? "none" : String.valueOf(policy.current().engine().document().version()));
        }
        lastError = error;
    }

    private static String firstLine(String body) {
        String s = body == null ? "" : body.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    public URI url() {
        return url;
    }

    /** When the gateway last answered (200 or 304), or null. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Why the last request failed, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
