package io.agentdlp.registry.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Confluent Schema Registry REST API v1 (Avro) on top of {@link SchemaRegistry}: the routes and
 * the request and response JSON shapes.
 */
final class RegistryApi {
    private final SchemaRegistry registry;

    RegistryApi(SchemaRegistry registry) {
        this.registry = registry;
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(route("GET", "/", req -> ApiResponse.ok(object())));
        r.add(route("GET", "/subjects", this::listSubjects));
        r.add(route("POST", "/subjects/{subject}", this::lookup));
        r.add(route("DELETE", "/subjects/{subject}", req -> ApiResponse.ok(
                registry.deleteSubject(req.path("subject"), req.flag("permanent")))));
        r.add(route("GET", "/subjects/{subject}/versions", req -> ApiResponse.ok(
                registry.versions(req.path("subject"), req.flag("deleted")))));
        r.add(route("POST", "/subjects/{subject}/versions", this::register));
        r.add(route("GET", "/subjects/{subject}/versions/{version}", req -> ApiResponse.ok(
                schemaJson(registry.version(req.path("subject"), version(req), req.flag("deleted"))))));
        r.add(route("DELETE", "/subjects/{subject}/versions/{version}", req -> ApiResponse.ok(
                registry.deleteVersion(req.path("subject"), version(req), req.flag("permanent")))));
        r.add(route("GET", "/subjects/{subject}/versions/{version}/schema", req -> ApiResponse.rawJson(
                registry.version(req.path("subject"), version(req), req.flag("deleted")).content().schema())));
        r.add(route("GET", "/subjects/{subject}/versions/{version}/referencedby", req -> ApiResponse.ok(
                registry.referencedBy(req.path("subject"), version(req)))));
        r.add(route("GET", "/schemas/types", req -> ApiResponse.ok(List.of(SchemaContent.AVRO))));
        r.add(route("GET", "/schemas/ids/{id}", req -> ApiResponse.ok(idJson(registry.schemaById(id(req))))));
        r.add(route("GET", "/schemas/ids/{id}/schema", req -> ApiResponse.rawJson(registry.schemaById(id(req)).schema())));
        r.add(route("GET", "/schemas/ids/{id}/versions", this::versionsOfId));
        r.add(route("GET", "/schemas/ids/{id}/subjects", req -> ApiResponse.ok(registry.versionsOfId(id(req), req.flag("deleted"))
                .stream().map(SchemaRecord::subject).distinct().toList())));
        r.add(route("POST", "/compatibility/subjects/{subject}/versions/{version}", req -> compatibility(req, version(req))));
        r.add(route("POST", "/compatibility/subjects/{subject}/versions", req -> compatibility(req, null)));
        r.add(route("GET", "/config", req -> ApiResponse.ok(levelJson(registry.globalLevel()))));
        r.add(route("PUT", "/config", req -> setLevel(null, req)));
        r.add(route("GET", "/config/{subject}", req -> ApiResponse.ok(levelJson(
                registry.subjectLevel(req.path("subject"), req.flag("defaultToGlobal"))))));
        r.add(route("PUT", "/config/{subject}", req -> setLevel(req.path("subject"), req)));
        r.add(route("DELETE", "/config/{subject}", req -> ApiResponse.ok(levelJson(registry.deleteSubjectLevel(req.path("subject"))))));
        r.add(route("GET", "/mode", req -> ApiResponse.ok(object().put("mode", "READWRITE"))));
        r.add(route("GET", "/mode/{subject}", req -> {
            if (!req.flag("defaultToGlobal")) {
                throw RegistryError.subjectModeNotConfigured(req.path("subject"));
            }
            return ApiResponse.ok(object().put("mode", "READWRITE"));
        }));
        r.add(route("GET", "/contexts", req -> ApiResponse.ok(List.of("."))));
        return r;
    }

    private static Route route(String method, String template, Route.Handler handler) {
        return new Route(method, new PathTemplate(template), handler);
    }

    private ApiResponse listSubjects(ApiRequest req) {
        return ApiResponse.ok(registry.subjects(req.flag("deleted"), req.query("subjectPrefix")));
    }

    private ApiResponse register(ApiRequest req) {
        JsonNode body = req.jsonObject();
        if (body.path("id").canConvertToInt() && body.get("id").asInt() > 0) {
            throw RegistryError.operationNotPermitted("Registering a schema with a given id needs IMPORT mode, "
                    + "which this registry does not support");
        }
        int id = registry.register(req.path("subject"), schemaRequest(body));
        return ApiResponse.ok(object().put("id", id));
    }

    private ApiResponse lookup(ApiRequest req) {
        SchemaRecord record = registry.lookup(req.path("subject"), schemaRequest(req.jsonObject()), req.flag("deleted"));
        return ApiResponse.ok(schemaJson(record));
    }

    private ApiResponse versionsOfId(ApiRequest req) {
        ArrayNode out = RegistryJson.MAPPER.createArrayNode();
        for (SchemaRecord r : registry.versionsOfId(id(req), req.flag("deleted"))) {
            out.addObject().put("subject", r.subject()).put("version", r.version());
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse compatibility(ApiRequest req, VersionId version) {
        List<String> problems = registry.checkCompatibility(req.path("subject"), version, schemaRequest(req.jsonObject()));
        ObjectNode out = object().put("is_compatible", problems.isEmpty());
        if (req.flag("verbose")) {
            ArrayNode messages = out.putArray("messages");
            problems.forEach(messages::add);
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse setLevel(String subject, ApiRequest req) {
        JsonNode body = req.jsonObject();
        JsonNode value = body.hasNonNull("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        CompatibilityLevel level = CompatibilityLevel.parse(value == null || !value.isTextual() ? null : value.asText())
                .orElseThrow(RegistryError::invalidCompatibilityLevel);
        registry.setLevel(subject, level);
        return ApiResponse.ok(object().put("compatibility", level.name()));
    }

    private static SchemaRegistry.SchemaRequest schemaRequest(JsonNode body) {
        JsonNode schema = body.get("schema");
        if (schema == null || schema.isNull() || schema.isTextual() && schema.asText().isBlank()) {
            throw RegistryError.invalidSchema("Empty schema");
        }
        if (!schema.isTextual()) {
            throw RegistryError.invalidSchema("Invalid schema: 'schema' must be a JSON string holding the schema");
        }
        JsonNode type = body.get("schemaType");
        List<SchemaReference> refs = new ArrayList<>();
        JsonNode references = body.get("references");
        if (references != null && !references.isNull()) {
            if (!references.isArray()) {
                throw RegistryError.invalidSchema("Invalid schema: 'references' must be an array");
            }
            for (JsonNode ref : references) {
                if (!ref.path("name").isTextual() || !ref.path("subject").isTextual() || !ref.path("version").canConvertToInt()) {
                    throw RegistryError.invalidSchema("Invalid schema: each reference needs 'name', 'subject' and 'version'");
                }
                refs.add(new SchemaReference(ref.get("name").asText(), ref.get("subject").asText(), ref.get("version").asInt()));
            }
        }
        return new SchemaRegistry.SchemaRequest(type == null || type.isNull() ? null : type.asText(), schema.asText(), refs);
    }

    private static VersionId version(ApiRequest req) {
        return VersionId.parse(req.path("version"));
    }

    private static int id(ApiRequest req) {
        try {
            return Integer.parseInt(req.path("id"));
        } catch (NumberFormatException e) {
            throw RegistryError.notFound();
        }
    }

    private static ObjectNode schemaJson(SchemaRecord r) {
        ObjectNode out = object();
        out.put("subject", r.subject());
        out.put("version", r.version());
        out.put("id", r.id());
        addTypeAndReferences(out, r.content());
        out.put("schema", r.content().schema());
        return out;
    }

    private static ObjectNode idJson(SchemaContent content) {
        ObjectNode out = object();
        addTypeAndReferences(out, content);
        out.put("schema", content.schema());
        return out;
    }

    private static void addTypeAndReferences(ObjectNode out, SchemaContent content) {
        if (!content.avro()) {
            out.put("schemaType", content.schemaType());
        }
        if (!content.references().isEmpty()) {
            ArrayNode refs = out.putArray("references");
            for (SchemaReference ref : content.references()) {
                refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
            }
        }
    }

    private static ObjectNode levelJson(CompatibilityLevel level) {
        return object().put("compatibilityLevel", level.name());
    }

    private static ObjectNode object() {
        return RegistryJson.MAPPER.createObjectNode();
    }
}
