package io.agentdlp.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client of the Confluent Schema Registry REST API v1 (also served by Apicurio under
 * {@code /apis/ccompat/v7}, by Karapace and by agentdlp's own registry) over {@code java.net.http}.
 *
 * <p>Connection errors, timeouts and 408/429/5xx answers move on to the next URL; after every URL
 * failed it waits (exponential backoff) and tries again, up to {@link RetryBackoff#maxRetries()}
 * times, then throws {@link RegistryUnavailableException}. Other 4xx answers are not retried and
 * become the typed exception of their {@code error_code}. This class does not cache: wrap it in
 * {@link CachedSchemaRegistryClient}.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_REFERENCE_DEPTH = 32;
    private static final int MAX_QUOTED_BODY = 200;

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile int preferredUrl;

    public HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                // never follow redirects: the Authorization header would travel to wherever they point
                .followRedirects(HttpClient.Redirect.NEVER);
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        String op = "register subject=" + subject;
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), op);
        return requiredInt(answer, "id", op);
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        String op = "lookup subject=" + subject;
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema), op);
        return new RegisteredSchema(subject, requiredInt(answer, "id", op), requiredInt(answer, "version", op), schema);
    }

    @Override
    public Schema schemaById(int id) {
        String op = "fetch schema id=" + id;
        return parseSchema(send("GET", "/schemas/ids/" + id, null, op), op);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return fetchVersion(subject, "latest");
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return fetchVersion(subject, Integer.toString(version));
    }

    @Override
    public List<Integer> versions(String subject) {
        String op = "list versions subject=" + subject;
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions", null, op);
        if (!answer.isArray()) {
            throw malformed(op, "expected a JSON array");
        }
        List<Integer> versions = new ArrayList<>();
        for (JsonNode v : answer) {
            if (!v.canConvertToInt()) {
                throw malformed(op, "version is not an integer");
            }
            versions.add(v.asInt());
        }
        return List.copyOf(versions);
    }

    private RegisteredSchema fetchVersion(String subject, String version) {
        String op = "fetch subject=" + subject + " version=" + version;
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null, op);
        return new RegisteredSchema(subject, requiredInt(answer, "id", op), requiredInt(answer, "version", op),
                parseSchema(answer, op));
    }

    /** Parses the {@code schema} of an answer, first defining the named types of its {@code references}. */
    private Schema parseSchema(JsonNode answer, String op) {
        Schema.Parser parser = new Schema.Parser();
        defineReferences(parser, answer, op, new HashSet<>(), 0);
        return parse(parser, requiredSchemaText(answer, op), op);
    }

    private void defineReferences(Schema.Parser parser, JsonNode answer, String op, Set<String> defined, int depth) {
        JsonNode refs = answer.path("references");
        if (!refs.isArray() || refs.isEmpty()) {
            return;
        }
        if (depth >= MAX_REFERENCE_DEPTH) {
            throw malformed(op, "schema references nest deeper than " + MAX_REFERENCE_DEPTH);
        }
        for (JsonNode ref : refs) {
            String subject = ref.path("subject").asText(null);
            JsonNode version = ref.path("version");
            if (subject == null || !version.canConvertToInt()) {
                throw malformed(op, "a schema reference lacks subject or version");
            }
            String key = subject + "/" + version.asInt();
            if (!defined.add(key)) {
                continue;
            }
            String refOp = op + " reference subject=" + subject + " version=" + version.asInt();
            JsonNode referenced = send("GET", "/subjects/" + encode(subject) + "/versions/" + version.asInt(), null, refOp);
            defineReferences(parser, referenced, refOp, defined, depth + 1);
            parse(parser, requiredSchemaText(referenced, refOp), refOp);
        }
    }

    private Schema parse(Schema.Parser parser, String text, String op) {
        try {
            return parser.parse(text);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw new SchemaRegistryException(op + " failed: the registry returned a schema Avro cannot parse: " + e.getMessage(),
                    200, SchemaRegistryException.CLIENT_SIDE, e);
        }
    }

    private String requiredSchemaText(JsonNode answer, String op) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(op + " failed: the schema is of type " + type + "; only AVRO is supported",
                    200, SchemaRegistryException.CLIENT_SIDE);
        }
        JsonNode schema = answer.path("schema");
        if (!schema.isTextual()) {
            throw malformed(op, "no \"schema\" string");
        }
        return schema.asText();
    }

    private String schemaBody(Schema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    /** One logical call: failover across URLs, retries with backoff, error mapping. */
    private JsonNode send(String method, String path, String body, String op) {
        List<URI> urls = config.urls();
        RetryBackoff retry = config.retry();
        SchemaRegistryException lastFailure = null;
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            if (attempt > 0) {
                sleep(retry.delayBefore(attempt), op);
            }
            int first = preferredUrl;
            for (int i = 0; i < urls.size(); i++) {
                int index = (first + i) % urls.size();
                URI base = urls.get(index);
                try {
                    HttpResponse<String> response = http.send(request(method, base, path, body), HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        preferredUrl = index;
                        return parseJson(response.body(), op);
                    }
                    SchemaRegistryException error = errorFrom(status, response.body(), op);
                    if (!retryable(status)) {
                        throw error;
                    }
                    lastFailure = error;
                    log.warn("event=schema_registry_retryable_error operation=\"{}\" url={} attempt={} status={} error_code={}",
                            op, base, attempt, status, error.errorCode());
                } catch (IOException e) {
                    lastFailure = new RegistryUnavailableException(op + " failed: cannot reach " + base + ": " + e, 0,
                            SchemaRegistryException.CLIENT_SIDE, e);
                    log.warn("event=schema_registry_unreachable operation=\"{}\" url={} attempt={} error={}", op, base, attempt, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryUnavailableException(op + " interrupted", 0, SchemaRegistryException.CLIENT_SIDE, e);
                } catch (IllegalArgumentException e) {
                    throw new SchemaRegistryException(op + " failed: invalid request URL for " + base + ": " + e.getMessage(), 0,
                            SchemaRegistryException.CLIENT_SIDE, e);
                }
            }
        }
        int tries = (retry.maxRetries() + 1) * urls.size();
        throw new RegistryUnavailableException(op + " failed after " + tries + " attempts on " + urls + ": "
                + lastFailure.getMessage(), lastFailure.httpStatus(), lastFailure.errorCode(), lastFailure);
    }

    private HttpRequest request(String method, URI base, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .header("User-Agent", "agentdlp-schema-registry-client");
        config.credentials().ifPresent(c -> b.header("Authorization", c.authorizationHeader()));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return b.build();
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private SchemaRegistryException errorFrom(int status, String body, String op) {
        int code = status;
        String message = null;
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node != null && node.isObject()) {
                if (node.path("error_code").canConvertToInt()) {
                    code = node.path("error_code").asInt();
                }
                message = node.path("message").isTextual() ? node.path("message").asText() : null;
            }
        } catch (JsonProcessingException notJson) {
            // a proxy's HTML page, for example: the start of the body is quoted below instead
        }
        if (message == null) {
            message = body == null || body.isBlank() ? "(empty body)" : quote(body);
        }
        return SchemaRegistryException.of(op, status, code, message);
    }

    private JsonNode parseJson(String body, String op) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || node.isMissingNode()) {
                throw malformed(op, "empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(op + " failed: the answer is not JSON: " + e.getOriginalMessage(), 200,
                    SchemaRegistryException.CLIENT_SIDE, e);
        }
    }

    private static int requiredInt(JsonNode answer, String field, String op) {
        JsonNode v = answer.path(field);
        if (!v.canConvertToInt()) {
            throw malformed(op, "no integer \"" + field + "\"");
        }
        return v.asInt();
    }

    private static SchemaRegistryException malformed(String op, String what) {
        return new SchemaRegistryException(op + " failed: malformed registry answer: " + what, 200, SchemaRegistryException.CLIENT_SIDE);
    }

    private static String quote(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_QUOTED_BODY ? flat : flat.substring(0, MAX_QUOTED_BODY) + "...";
    }

    /** Percent-encodes one path segment ({@code URLEncoder} is for forms, so '+' must become %20). */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration d, String op) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException(op + " interrupted while waiting to retry", 0, SchemaRegistryException.CLIENT_SIDE, e);
        }
    }
}
