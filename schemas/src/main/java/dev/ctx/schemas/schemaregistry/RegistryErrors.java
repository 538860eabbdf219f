package dev.ctx.schemas.schemaregistry;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Maps a registry error response ({@code {"error_code":N,"message":"..."}}) to a typed exception. */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private RegistryErrors() {}

    static SchemaRegistryException fromResponse(int status, String body) {
        int code = status;
        String message = "HTTP " + status + " from schema registry";
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.has("error_code")) {
                code = json.get("error_code").asInt(status);
            }
            if (json != null && json.hasNonNull("message")) {
                message = message + ": " + truncate(json.get("message").asText());
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the status-only message and never echo an unparsed body
        }
        return SchemaRegistryException.of(status, code, message);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
