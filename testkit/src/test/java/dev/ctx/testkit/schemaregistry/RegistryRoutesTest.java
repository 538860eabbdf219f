package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaParseException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.schemas.schemaregistry.CompatibilityLevel;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;

class RegistryRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema TRADE =
            SchemaBuilder.record("Trade").fields().requiredString("id").endRecord();

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final RegistryRoutes routes = new RegistryRoutes(registry);

    @Test
    void compatibilityLevelIsReadAndSetPerSubjectAndGlobally() {
        // When
        RegistryRoutes.Reply put = routes.handle("PUT", "/config/trades-value", body(Map.of("compatibility", "FULL")));
        RegistryRoutes.Reply subject = routes.handle("GET", "/config/trades-value", null);
        RegistryRoutes.Reply global = routes.handle("GET", "/config", null);
        // Then
        assertThat(put.status()).isEqualTo(200);
        assertThat(subject.json()).isEqualTo(Map.of("compatibilityLevel", "FULL"));
        assertThat(global.json()).isEqualTo(Map.of("compatibilityLevel", "BACKWARD"));
        assertThat(registry.compatibility("trades-value")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void percentEncodedSubjectsAreDecoded() {
        // When
        RegistryRoutes.Reply reply = routes.handle("POST", "/subjects/a%2Fb%20c-value/versions", schemaBody(TRADE));
        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(registry.subjects()).containsExactly("a/b c-value");
    }

    @Test
    void apicurioContentIdLookupsServeTheRawSchemaAndNoReferences() {
        // Given
        int id = registry.register("trades-value", TRADE);
        // When
        RegistryRoutes.Reply content = routes.handle("GET", "/apis/registry/v3/ids/contentIds/" + id, null);
        RegistryRoutes.Reply references =
                routes.handle("GET", "/apis/registry/v3/ids/contentIds/" + id + "/references", null);
        // Then
        assertThat(new Schema.Parser().parse(content.rawJson())).isEqualTo(TRADE);
        assertThat(references.json()).isEqualTo(List.of());
    }

    @Test
    void badRequestsGetConfluentErrorCodes() {
        assertThat(routes.handle("POST", "/subjects/t-value/versions", body(Map.of("schema", "{not json")))
                        .json())
                .isEqualTo(Map.of("error_code", 42201, "message", "schema does not parse: " + errorOf("{not json")));
        assertThat(routes.handle(
                                "POST",
                                "/subjects/t-value/versions",
                                body(Map.of("schema", "{}", "schemaType", "PROTOBUF")))
                        .status())
                .isEqualTo(422);
        assertThat(routes.handle("PUT", "/config", body(Map.of("compatibility", "SIDEWAYS")))
                        .status())
                .isEqualTo(422);
        assertThat(routes.handle("DELETE", "/subjects/t-value", null).status()).isEqualTo(404);
    }

    private static String errorOf(String schemaText) {
        try {
            new Schema.Parser().parse(schemaText);
            return "";
        } catch (SchemaParseException e) {
            return e.getMessage();
        }
    }

    private static JsonNode schemaBody(Schema schema) {
        return body(Map.of("schemaType", "AVRO", "schema", schema.toString()));
    }

    private static JsonNode body(Map<String, String> fields) {
        return JSON.valueToTree(fields);
    }
}
