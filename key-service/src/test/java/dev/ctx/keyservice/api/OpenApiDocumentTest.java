package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The published OpenAPI document lists the answers the server's body reader gives on every route that reads one. */
class OpenApiDocumentTest {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch");

    @Test
    void everyWriteRouteDocumentsTheRequestTimeoutAnswer() throws Exception {
        // Given the document the server serves
        JsonNode paths = document().get("paths");
        // When every write operation is listed without a 408
        List<String> missing = new ArrayList<>();
        forEachWriteOperation(paths, (name, operation) -> {
            if (!operation.get("responses").has("408")) {
                missing.add(name);
            }
        });
        // Then there is none (a stalled body is 408 request-timeout, never a 500)
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRouteWithABodyDocumentsTheUnsupportedMediaTypeAnswer() throws Exception {
        // Given the document the server serves
        JsonNode paths = document().get("paths");
        // When every operation that declares a request body is listed without a 415
        List<String> missing = new ArrayList<>();
        forEachWriteOperation(paths, (name, operation) -> {
            if (operation.has("requestBody") && !operation.get("responses").has("415")) {
                missing.add(name);
            }
        });
        // Then there is none (a JSON body sent as text/plain or a form is 415 unsupported-media-type)
        assertThat(missing).isEmpty();
    }

    @Test
    void theTimeoutAndMediaTypeAnswersAreProblemBodies() throws Exception {
        // Given the document's shared responses
        JsonNode responses = document().get("components").get("responses");
        // Then both answers are RFC 9457 problems
        for (String name : List.of("RequestTimeout", "UnsupportedMediaType")) {
            assertThat(responses
                            .get(name)
                            .at("/content/application~1problem+json/schema/$ref")
                            .asText())
                    .as(name)
                    .isEqualTo("#/components/schemas/Problem");
        }
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(KeyServiceRoutes.openApiDocument());
    }

    private static void forEachWriteOperation(JsonNode paths, OperationVisitor visitor) {
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (WRITE_METHODS.contains(operation.getKey())) {
                    visitor.visit(operation.getKey() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }
}
