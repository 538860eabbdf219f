package dev.ctx.keyservice.api;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a JSON request body as its record type: every failure is a 400 {@link ApiException} whose detail names the
 * kind of problem, never the input. The mapper ({@link KeyServiceRoutes#objectMapper()}) refuses unknown members,
 * duplicate members, trailing tokens and nesting beyond Jackson's stream limits.
 */
final class RequestBodies {

    private RequestBodies() {}

    /** Whether a {@code Content-Type} value names JSON: {@code application/json} or {@code application/...+json}. */
    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /** The body as {@code type}, or null for the JSON literal {@code null}. */
    static <T> T read(ObjectMapper mapper, byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown-field", "request body has a field this endpoint does not accept");
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("invalid-field", "a request field has the wrong type or the body is empty");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed-json", "request body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.badRequest("malformed-json", "request body could not be read");
        }
    }
}
