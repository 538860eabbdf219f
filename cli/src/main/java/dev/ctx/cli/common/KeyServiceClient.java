package dev.ctx.cli.common;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The key-service calls of the CLI and the demo, over HTTP with a bearer token. Errors carry the problem title. */
public final class KeyServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESCROW_ID = "__escrow";
    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    /** A client for {@code baseUrl} (e.g. http://127.0.0.1:18080) authenticating with {@code token}. */
    public KeyServiceClient(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    /** As {@link #KeyServiceClient(String, String)}, over HTTPS with {@code tls} (null: the JDK's defaults). */
    public KeyServiceClient(String baseUrl, String token, SSLContext tls) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** Registers an ACTIVE participant with KYC status VERIFIED. */
    public JsonNode registerParticipant(String id, String role, List<String> purposes)
            throws IOException, InterruptedException {
        return send(
                "POST",
                "/v1/participants",
                Map.of("id", id, "role", role, "kycStatus", "VERIFIED", "allowedPurposes", purposes));
    }

    public JsonNode createKey(String participantId) throws IOException, InterruptedException {
        return send("POST", "/v1/participants/" + participantId + "/keys", Map.of());
    }

    public JsonNode rotateKey(String participantId) throws IOException, InterruptedException {
        return send("POST", "/v1/participants/" + participantId + "/keys/rotate", Map.of());
    }

    public JsonNode revokeKey(String participantId, int version) throws IOException, InterruptedException {
        return send("POST", "/v1/participants/" + participantId + "/keys/" + version + "/revoke", Map.of());
    }

    /**
     * The participant's key versions ({@code GET /v1/participants/{id}/keys}; for {@code __escrow} the escrow key's,
     * {@code GET /v1/escrow/key}, which has the same shape).
     */
    public JsonNode keys(String participantId) throws IOException, InterruptedException {
        if (ESCROW_ID.equals(participantId)) {
            return send("GET", "/v1/escrow/key", null);
        }
        return send("GET", "/v1/participants/" + participantId + "/keys", null);
    }

    /** Destroys a RETIRED or REVOKED version ({@code DELETE /v1/participants/{id}/keys/{version}}). */
    public JsonNode destroyKey(String participantId, int version) throws IOException, InterruptedException {
        return send("DELETE", "/v1/participants/" + participantId + "/keys/" + version, null);
    }

    public JsonNode createEscrowKey() throws IOException, InterruptedException {
        return send("POST", "/v1/escrow/key", Map.of());
    }

    public JsonNode participants() throws IOException, InterruptedException {
        return send("GET", "/v1/participants", null);
    }

    /**
     * Any JSON call of the key-service API ({@code body} null for none); a non-2xx answer is an
     * {@link IllegalStateException} naming the status, the problem title and, when present, its reason and detail.
     */
    public JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, body);
    }

    private JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot connect to the key service at " + baseUrl + " (is it running?)", e);
        }
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "key service answered " + response.statusCode() + " to " + method + " " + path + ": "
                            + json.path("title").asText(json.path("detail").asText("no problem details"))
                            + (json.hasNonNull("reason")
                                    ? " (" + json.get("reason").asText() + ": "
                                            + json.path("detail").asText() + ")"
                                    : ""));
        }
        return json;
    }
}
