package dev.ctx.processor.rewrap;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.envelope.Recipient;
import dev.ctx.processor.keyservice.KeyServiceHttp;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * {@link RewrapClient} over the key service's {@code POST /v1/rewrap} and
 * {@code POST /v1/participants/{id}/keys/{version}/retire} ({@code POST /v1/escrow/key/{version}/retire} for the
 * escrow key) (java.net.http): JSON body, bearer token,
 * optional TLS trust store, one timeout for the whole call. 200 maps to the results, 409 to
 * {@link RewrapVersionConflictException}, anything else (and any I/O failure or timeout) to
 * {@link RewrapUnavailableException}, whose message names the status, never a body or token.
 */
public final class HttpRewrapClient implements RewrapClient {

    static final String PATH = "/v1/rewrap";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final byte[] RETIRE_BODY = "{\"remainingEnvelopes\":0}".getBytes(StandardCharsets.US_ASCII);

    private final KeyServiceHttp http;

    private HttpRewrapClient(KeyServiceHttp http) {
        this.http = http;
    }

    /**
     * A client of the key service at {@code baseUrl}.
     *
     * @param baseUrl the key service, {@code http(s)://host:port}
     * @param token the operator's bearer token, if the key service requires one
     * @param tls the TLS context trusting the key service's certificate; empty for the JDK default trust
     */
    public static HttpRewrapClient create(
            URI baseUrl, Optional<String> token, Optional<SSLContext> tls, Duration timeout) {
        return new HttpRewrapClient(KeyServiceHttp.create(baseUrl, token, tls, timeout));
    }

    @Override
    public List<RewrapResult> rewrap(RewrapRequest request) {
        HttpResponse<byte[]> response = post(PATH, body(request));
        if (response.statusCode() == 409) {
            throw new RewrapVersionConflictException("key service answered 409 for participant "
                    + request.participantId() + " version " + request.toVersion());
        }
        if (response.statusCode() != 200) {
            throw new RewrapUnavailableException("key service answered " + response.statusCode());
        }
        return results(response.body());
    }

    @Override
    public void retire(String participantId, int version) {
        String retire = Recipient.ESCROW_ID.equals(participantId)
                ? "/v1/escrow/key/" + version + "/retire"
                : "/v1/participants/" + URLEncoder.encode(participantId, StandardCharsets.UTF_8) + "/keys/" + version
                        + "/retire";
        HttpResponse<byte[]> response = post(retire, RETIRE_BODY);
        if (response.statusCode() == 409) {
            throw new RewrapVersionConflictException(
                    "key service answered 409 to retiring participant " + participantId + " version " + version);
        }
        if (response.statusCode() != 200) {
            throw new RewrapUnavailableException("key service answered " + response.statusCode());
        }
    }

    private HttpResponse<byte[]> post(String path, byte[] body) {
        try {
            return http.postJson(path, body);
        } catch (IOException e) {
            throw new RewrapUnavailableException(
                    "key service call failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewrapUnavailableException("key service call interrupted", e);
        }
    }

    static byte[] body(RewrapRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("participantId", request.participantId());
        root.put("toVersion", request.toVersion());
        ArrayNode items = root.putArray("items");
        for (RewrapItem item : request.items()) {
            ObjectNode node = items.addObject();
            node.put("transactionId", item.transactionId());
            node.put("generation", item.generation());
            ObjectNode wrap = node.putObject("wrap");
            wrap.put("keyVersion", item.wrap().getKeyVersion());
            wrap.put(
                    "wrap", Base64.getEncoder().encodeToString(bytes(item.wrap().getWrap())));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a rewrap request", e);
        }
    }

    static List<RewrapResult> results(byte[] body) {
        JsonNode results;
        try {
            results = JSON.readTree(body).path("results");
        } catch (IOException e) {
            throw new RewrapUnavailableException("key service answer is not JSON", e);
        }
        if (!results.isArray()) {
            throw new RewrapUnavailableException("key service answer has no results array");
        }
        List<RewrapResult> parsed = new ArrayList<>();
        for (JsonNode result : results) {
            parsed.add(result(result));
        }
        return parsed;
    }

    private static RewrapResult result(JsonNode node) {
        String transactionId = node.path("transactionId").asText("");
        int generation = node.path("generation").asInt(-1);
        if (node.hasNonNull("error")) {
            return RewrapResult.failed(
                    transactionId,
                    generation,
                    RewrapError.fromCode(node.get("error").asText()));
        }
        JsonNode wrap = node.path("wrap");
        String recipientId = wrap.path("recipientId").asText("");
        try {
            return RewrapResult.rewrapped(
                    transactionId,
                    generation,
                    RecipientWrap.newBuilder()
                            .setRecipientId(recipientId)
                            .setRecipientType(
                                    Recipient.ESCROW_ID.equals(recipientId)
                                            ? RecipientType.ESCROW
                                            : RecipientType.PARTICIPANT)
                            .setKeyVersion(wrap.path("keyVersion").asInt(-1))
                            .setWrap(ByteBuffer.wrap(
                                    Base64.getDecoder().decode(wrap.path("wrap").asText(""))))
                            .build(),
                    node.path("viaEscrowKey").asBoolean(false));
        } catch (IllegalArgumentException malformed) {
            return RewrapResult.failed(transactionId, generation, RewrapError.UNRECOGNIZED);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    @Override
    public String toString() {
        return "HttpRewrapClient[" + http.uri(PATH) + "]";
    }
}
