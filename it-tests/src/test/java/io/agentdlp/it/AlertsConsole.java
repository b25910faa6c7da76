package io.agentdlp.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.auth.UserStore;
import io.agentdlp.alerts.config.Settings;

/**
 * The real alerts service on the pipeline's {@code dlp-alerts}: its console store (what analysts see)
 * and a webhook sink delivering every alert to a local {@link WebhookReceiver}.
 */
final class AlertsConsole implements AutoCloseable {
    private final WebhookReceiver webhook;
    private final AlertsService service;

    private AlertsConsole(WebhookReceiver webhook, AlertsService service) {
        this.webhook = webhook;
        this.service = service;
    }

    static AlertsConsole start(Pipeline pipeline, Path dir) throws IOException {
        Path users = dir.resolve("console-users");
        // a low PBKDF2 work factor: nobody signs in during these tests, the file only has to be valid
        UserStore.upsert(users, "analyst", Role.VIEWER, "it-analyst-password".toCharArray(), 1000);
        WebhookReceiver webhook = new WebhookReceiver();
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap.servers", pipeline.bootstrapServers());
        s.put("schema.registry.url", pipeline.registryUrl());
        s.put("alerts.http.port", "0");
        s.put("alerts.topics.create", "false");
        s.put("alerts.auth.users-file", users.toString());
        s.put("alerts.sinks", "siem");
        s.put("alerts.sink.siem.type", "webhook");
        s.put("alerts.sink.siem.url", webhook.url());
        s.put("alerts.sink.siem.secret", "it-webhook-signing-key");
        try {
            return new AlertsConsole(webhook, AlertsService.start(new Settings(s), Clock.systemUTC(), System.out));
        } catch (RuntimeException e) {
            webhook.close();
            throw e;
        }
    }

    AlertsService service() {
        return service;
    }

    WebhookReceiver webhook() {
        return webhook;
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            webhook.close();
        }
    }
}
