package dev.ctx.client.access;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.Problem;

/** Reads the success bodies of the read API; a body that lacks a required member is a {@link KeyServiceException}. */
final class Answers {

    private Answers() {}

    static AccessResult accessResult(String call, JsonNode body) {
        JsonNode fields = body.path("fields");
        if (!fields.isObject()) {
            throw malformed(call, "no 'fields' object");
        }
        Map<String, JsonNode> released = new LinkedHashMap<>();
        fields.properties().forEach(field -> released.put(field.getKey(), field.getValue()));
        return new AccessResult(
                text(call, body, "transactionId"),
                text(call, body, "purpose"),
                optionalText(body, "authorizedBy"),
                optionalText(body, "eventId"),
                released);
    }

    static KeyChallenge keyChallenge(String call, JsonNode body) {
        JsonNode version = body.path("keyVersion");
        if (!version.canConvertToInt()) {
            throw malformed(call, "no integer 'keyVersion'");
        }
        return new KeyChallenge(
                text(call, body, "challengeId"),
                version.intValue(),
                base64(call, body, "enc"),
                base64(call, body, "ciphertext"),
                base64(call, body, "info"),
                base64(call, body, "aad"),
                instant(call, body, "expiresAt"));
    }

    static CreatedGrant createdGrant(String call, JsonNode body) {
        return new CreatedGrant(text(call, body, "grantId"), body);
    }

    static List<JsonNode> list(String call, JsonNode body) {
        JsonNode items = body.isArray() ? body : body.path("grants");
        if (!items.isArray()) {
            throw malformed(call, "not a JSON array");
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return List.copyOf(list);
    }

    private static String text(String call, JsonNode body, String member) {
        String value = optionalText(body, member);
        if (value == null) {
            throw malformed(call, "no '" + member + "'");
        }
        return value;
    }

    private static String optionalText(JsonNode body, String member) {
        JsonNode value = body.path(member);
        return value.isTextual() ? value.asText() : null;
    }

    private static byte[] base64(String call, JsonNode body, String member) {
        JsonNode value = body.path(member);
        if (value.isTextual() && value.asText().isEmpty()) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(text(call, body, member));
        } catch (IllegalArgumentException e) {
            throw malformed(call, "'" + member + "' is not base64");
        }
    }

    private static Instant instant(String call, JsonNode body, String member) {
        String value = optionalText(body, member);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(call, "'" + member + "' is not an ISO-8601 instant");
        }
    }

    private static KeyServiceException malformed(String call, String what) {
        return new KeyServiceException(new Problem(call, 200, null, "unexpected answer", what));
    }
}
