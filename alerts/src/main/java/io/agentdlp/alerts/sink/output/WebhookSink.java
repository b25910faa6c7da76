package io.agentdlp.alerts.sink.output;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.Sink;
import io.agentdlp.alerts.sink.SinkException;
import io.agentdlp.alerts.sink.format.WebhookFormat;
import io.agentdlp.avro.DlpAlert;

/**
 * One JSON POST per alert to a generic webhook. With a shared secret, the body is signed:
 * {@code X-Agentdlp-Signature: sha256=<hex HMAC-SHA256 of the body>}, so the receiver can check it
 * came from this console. {@code X-Agentdlp-Delivery} carries the delivery id for de-duplication.
 */
public final class WebhookSink implements Sink<DlpAlert> {
    /** Signature header. */
    public static final String SIGNATURE_HEADER = "X-Agentdlp-Signature";
    /** Delivery id header. */
    public static final String DELIVERY_HEADER = "X-Agentdlp-Delivery";

    private final String name;
    private final WebhookFormat format;
    private final HttpTransport http;
    private final URI url;
    private final Map<String, String> headers;
    private final byte[] secret;

    /** @param secret HMAC key, or null for unsigned deliveries */
    public WebhookSink(String name, WebhookFormat format, HttpTransport http, URI url, Map<String, String> headers,
                       String secret) {
        this.name = name;
        this.format = format;
        this.http = http;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public DeliveryResult deliver(List<DlpAlert> batch) throws SinkException {
        for (DlpAlert a : batch) {
            byte[] body = JsonLines.write(format.payload(a)).getBytes(StandardCharsets.UTF_8);
            Map<String, String> h = new HashMap<>(headers);
            h.put(DELIVERY_HEADER, WebhookFormat.deliveryId(a));
            if (secret != null) {
                h.put(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
            }
            http.post(url, h, "application/json", body);
        }
        return DeliveryResult.ok();
    }

    /** Hex HMAC-SHA256 of {@code body}; receivers compute the same to verify. */
    public static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
