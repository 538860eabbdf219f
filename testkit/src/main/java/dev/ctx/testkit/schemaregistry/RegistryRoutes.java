package dev.ctx.testkit.schemaregistry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.schemas.schemaregistry.CompatibilityLevel;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;
import dev.ctx.schemas.schemaregistry.InvalidSchemaException;
import dev.ctx.schemas.schemaregistry.RegisteredSchema;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;

/**
 * Maps Confluent REST calls (and Apicurio's v3 content-id lookups) onto an {@link InMemorySchemaRegistry}. Pure:
 * takes method, decoded path segments and JSON body, returns a {@link Reply}.
 */
final class RegistryRoutes {

    private static final Pattern SUBJECT_VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern SUBJECT_VERSION = Pattern.compile("/subjects/([^/]+)/versions/([^/]+)");
    private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)");
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(\\d+)(/schema)?");
    private static final Pattern COMPATIBILITY = Pattern.compile("/compatibility/subjects/([^/]+)/versions/([^/]+)");
    private static final Pattern CONFIG = Pattern.compile("/config(?:/([^/]+))?");
    private static final Pattern APICURIO_CONTENT =
            Pattern.compile("/apis/registry/v3/ids/contentIds/(\\d+)(/references)?");

    private final InMemorySchemaRegistry registry;

    RegistryRoutes(InMemorySchemaRegistry registry) {
        this.registry = registry;
    }

    /** Answers one request; registry errors become Confluent error replies. */
    Reply handle(String method, String path, JsonNode body) {
        try {
            return route(method, path, body);
        } catch (SchemaRegistryException e) {
            return Reply.error(e.httpStatus() == 0 ? 500 : e.httpStatus(), e.errorCode(), e.detail());
        } catch (IllegalArgumentException e) {
            return Reply.error(422, 42203, "invalid request: " + e.getMessage());
        }
    }

    private Reply route(String method, String path, JsonNode body) {
        Matcher m;
        if (path.equals("/subjects") && method.equals("GET")) {
            return Reply.ok(registry.subjects());
        }
        if ((m = SUBJECT_VERSIONS.matcher(path)).matches()) {
            return method.equals("POST")
                    ? Reply.ok(Map.of("id", registry.register(decode(m.group(1)), schema(body))))
                    : Reply.ok(registry.versions(decode(m.group(1))));
        }
        if ((m = SUBJECT_VERSION.matcher(path)).matches() && method.equals("GET")) {
            return Reply.ok(versionJson(version(decode(m.group(1)), m.group(2))));
        }
        if ((m = SUBJECT.matcher(path)).matches() && method.equals("POST")) {
            return Reply.ok(versionJson(registry.lookup(decode(m.group(1)), schema(body))));
        }
        if ((m = SCHEMA_BY_ID.matcher(path)).matches() && method.equals("GET")) {
            Schema schema = registry.getSchemaById(Integer.parseInt(m.group(1)));
            return m.group(2) != null ? Reply.raw(schema.toString()) : Reply.ok(Map.of("schema", schema.toString()));
        }
        if ((m = COMPATIBILITY.matcher(path)).matches() && method.equals("POST")) {
            return Reply.ok(Map.of("is_compatible", registry.testCompatibility(decode(m.group(1)), schema(body))));
        }
        if ((m = CONFIG.matcher(path)).matches()) {
            return config(method, m.group(1) == null ? null : decode(m.group(1)), body);
        }
        if ((m = APICURIO_CONTENT.matcher(path)).matches() && method.equals("GET")) {
            Schema schema = registry.getSchemaById(Integer.parseInt(m.group(1)));
            return m.group(2) != null ? Reply.ok(List.of()) : Reply.raw(schema.toString());
        }
        return Reply.error(404, 404, "HTTP 404 Not Found");
    }

    private RegisteredSchema version(String subject, String version) {
        return version.equals("latest") || version.equals("-1")
                ? registry.getLatestVersion(subject)
                : registry.getVersion(subject, Integer.parseInt(version));
    }

    private Reply config(String method, String subject, JsonNode body) {
        if (method.equals("PUT")) {
            CompatibilityLevel level =
                    CompatibilityLevel.valueOf(body.path("compatibility").asText());
            if (subject == null) {
                registry.setDefaultCompatibility(level);
            } else {
                registry.setCompatibility(subject, level);
            }
            return Reply.ok(Map.of("compatibility", level.name()));
        }
        CompatibilityLevel level = subject == null ? registry.defaultCompatibility() : registry.compatibility(subject);
        return Reply.ok(Map.of("compatibilityLevel", level.name()));
    }

    private static String decode(String rawSegment) {
        return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> versionJson(RegisteredSchema version) {
        return Map.of(
                "subject",
                version.subject(),
                "version",
                version.version(),
                "id",
                version.id(),
                "schema",
                version.schema().toString());
    }

    private static Schema schema(JsonNode body) {
        if (body == null || !body.hasNonNull("schema")) {
            throw new InvalidSchemaException("request body has no schema");
        }
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new InvalidSchemaException("only AVRO schemas are supported, not " + type);
        }
        try {
            return new Schema.Parser().parse(body.get("schema").asText());
        } catch (SchemaParseException e) {
            throw new InvalidSchemaException("schema does not parse: " + e.getMessage());
        }
    }

    /** One HTTP answer: status and a JSON-serializable body, or raw JSON text. */
    record Reply(int status, Object json, String rawJson) {

        static Reply ok(Object json) {
            return new Reply(200, json, null);
        }

        static Reply raw(String rawJson) {
            return new Reply(200, null, rawJson);
        }

        static Reply error(int status, int errorCode, String message) {
            return new Reply(status, Map.of("error_code", errorCode, "message", message), null);
        }
    }
}
