package dev.ctx.schemas.schemaregistry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@link SchemaRegistryClient} speaking Confluent's REST API ({@code application/vnd.schemaregistry.v1+json}) over
 * the JDK {@link java.net.http.HttpClient}, with failover across URLs and bounded retry. It does not cache: wrap it in
 * {@link CachingSchemaRegistryClient} (as {@link SchemaRegistryClients#fromConfig} does).
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttpTransport transport;

    /** Creates a client for the validated settings. */
    public HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.transport = new RegistryHttpTransport(config);
    }

    @Override
    public int register(String subject, Schema schema) {
        return requiredInt(transport.send("POST", subjectPath(subject) + "/versions", body(schema)), "id");
    }

    @Override
    public int getId(String subject, Schema schema) {
        return requiredInt(transport.send("POST", subjectPath(subject), body(schema)), "id");
    }

    @Override
    public Schema getSchemaById(int id) {
        return parse(transport.send("GET", "/schemas/ids/" + id, null));
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        JsonNode json = transport.send("GET", subjectPath(subject) + "/versions/latest", null);
        return new RegisteredSchema(subject, requiredInt(json, "version"), requiredInt(json, "id"), parse(json));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer =
                    transport.send("POST", "/compatibility" + subjectPath(subject) + "/versions/latest", body(schema));
            if (!answer.path("is_compatible").isBoolean()) {
                throw malformed("is_compatible");
            }
            return answer.get("is_compatible").asBoolean();
        } catch (SchemaNotFoundException e) {
            return e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND;
        }
    }

    private static int requiredInt(JsonNode json, String field) {
        JsonNode value = json.get(field);
        int minimum = field.equals("id") ? 0 : 1;
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < minimum) {
            throw malformed(field);
        }
        return value.asInt();
    }

    private static SchemaRegistryException malformed(String field) {
        return new SchemaRegistryException(
                200, SchemaRegistryException.INTERNAL_ERROR, "registry answer has no valid '" + field + "'");
    }

    private static Map<String, String> body(Schema schema) {
        return Map.of("schemaType", "AVRO", "schema", schema.toString());
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Schema parse(JsonNode json) {
        String type = json.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO") || !json.hasNonNull("schema")) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "registry answered with a non-Avro schema (" + type + ")");
        }
        try {
            return new Schema.Parser().parse(json.get("schema").asText());
        } catch (SchemaParseException e) {
            throw new InvalidSchemaException("registry answered with a schema that does not parse");
        }
    }
}
