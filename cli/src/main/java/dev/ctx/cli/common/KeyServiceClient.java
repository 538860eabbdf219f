package dev.ctx.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The few key-service calls the demo makes, over HTTP with a bearer token. */
final class KeyServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    KeyServiceClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    void registerParticipant(String id, String role, List<String> purposes) throws IOException, InterruptedException {
        post("/v1/participants", Map.of("id", id, "role", role, "kycStatus", "VERIFIED", "allowedPurposes", purposes));
    }

    void createKey(String participantId) throws IOException, InterruptedException {
        post("/v1/participants/" + participantId + "/keys", Map.of());
    }

    void createEscrowKey() throws IOException, InterruptedException {
        post("/v1/escrow/key", Map.of());
    }

    private void post(String path, Map<String, ?> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("key service answered " + response.statusCode() + " to POST " + path + ": "
                    + response.body().replace('\n', ' '));
        }
    }
}
