package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.ctx.envelope.Recipient;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;

/** The HTTP client against the key service's {@code POST /v1/rewrap} contract, on a loopback JDK HTTP server. */
class HttpRewrapClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OLD_WRAP = {1, 2, 3, 4};
    private static final byte[] NEW_WRAP = {9, 8, 7};

    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheBatchWithTheBearerTokenAndMapsEachResultInOrder() {
        // Given
        String answer = "{\"results\": ["
                + "{\"transactionId\": \"t1\", \"generation\": 1, \"wrap\": {\"recipientId\": \"alice\","
                + " \"keyVersion\": 3, \"wrap\": \"" + Base64.getEncoder().encodeToString(NEW_WRAP) + "\"}},"
                + "{\"transactionId\": \"t2\", \"generation\": 4, \"error\": \"NOT_YET_VISIBLE\"},"
                + "{\"transactionId\": \"t3\", \"generation\": 2, \"error\": \"SOMETHING_NEW\"}]}";
        HttpRewrapClient client = serve(200, answer);

        // When
        List<RewrapResult> results = client.rewrap(request());

        // Then
        JsonNode body = received.get();
        assertThat(authorization.get()).isEqualTo("Bearer operator-token");
        assertThat(body.get("participantId").asText()).isEqualTo("alice");
        assertThat(body.get("toVersion").asInt()).isEqualTo(3);
        assertThat(body.get("items")).hasSize(3);
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("transactionId").asText()).isEqualTo("t1");
        assertThat(first.get("generation").asInt()).isEqualTo(1);
        assertThat(first.get("wrap").get("keyVersion").asInt()).isEqualTo(2);
        assertThat(Base64.getDecoder().decode(first.get("wrap").get("wrap").asText()))
                .isEqualTo(OLD_WRAP);
        assertThat(results).extracting(RewrapResult::transactionId).containsExactly("t1", "t2", "t3");
        assertThat(results.get(0).wrap().getKeyVersion()).isEqualTo(3);
        assertThat(results.get(0).wrap().getWrap()).isEqualTo(ByteBuffer.wrap(NEW_WRAP));
        assertThat(results.get(1).error()).isEqualTo(RewrapError.NOT_YET_VISIBLE);
        assertThat(results.get(2).error()).isEqualTo(RewrapError.UNRECOGNIZED);
    }

    @Test
    void anEscrowWrapAnswerIsAnEscrowRecipientAndTheEscrowKeyUseIsKept() {
        // Given
        String answer = "{\"results\": ["
                + "{\"transactionId\": \"t1\", \"generation\": 1, \"viaEscrowKey\": true, \"wrap\":"
                + " {\"recipientId\": \"__escrow\", \"keyVersion\": 2, \"wrap\": \""
                + Base64.getEncoder().encodeToString(NEW_WRAP) + "\"}},"
                + "{\"transactionId\": \"t2\", \"generation\": 1, \"wrap\": {\"recipientId\": \"alice\","
                + " \"keyVersion\": 3, \"wrap\": \"" + Base64.getEncoder().encodeToString(NEW_WRAP) + "\"}}]}";
        HttpRewrapClient client = serve(200, answer);

        // When
        List<RewrapResult> results = client.rewrap(request());

        // Then
        assertThat(results.get(0).wrap().getRecipientType()).isEqualTo(RecipientType.ESCROW);
        assertThat(results.get(0).viaEscrowKey()).isTrue();
        assertThat(results.get(1).wrap().getRecipientType()).isEqualTo(RecipientType.PARTICIPANT);
        assertThat(results.get(1).viaEscrowKey())
                .as("absent: a custodial rewrap")
                .isFalse();
    }

    @Test
    void conflictMeansTheTargetVersionIsNotCurrent() {
        HttpRewrapClient client = serve(409, "{}");
        assertThatThrownBy(() -> client.rewrap(request())).isInstanceOf(RewrapVersionConflictException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {503, 500, 401, 403})
    void anyOtherStatusLeavesTheBatchForLater(int status) {
        HttpRewrapClient client = serve(status, "{\"error\": \"secret detail\"}");
        assertThatThrownBy(() -> client.rewrap(request()))
                .isInstanceOf(RewrapUnavailableException.class)
                .hasMessageContaining(Integer.toString(status))
                .hasMessageNotContaining("secret");
    }

    @Test
    void anUnreachableKeyServiceIsUnavailableNotFatal() {
        // Given a port nobody listens on any more
        serve(200, "{}");
        int port = server.getAddress().getPort();
        server.stop(0);
        server = null;
        HttpRewrapClient down = HttpRewrapClient.create(
                URI.create("http://127.0.0.1:" + port), Optional.empty(), Optional.empty(), Duration.ofSeconds(2));

        // When / Then
        assertThatThrownBy(() -> down.rewrap(request())).isInstanceOf(RewrapUnavailableException.class);
    }

    @Test
    void retireSendsZeroRemainingEnvelopesToTheVersionsRetireRoute() {
        // Given
        HttpRewrapClient client = serveRetire(200);

        // When
        client.retire("alice", 2);

        // Then
        assertThat(path.get()).isEqualTo("/v1/participants/alice/keys/2/retire");
        assertThat(received.get()).isEqualTo(JSON.createObjectNode().put("remainingEnvelopes", 0));
        assertThat(authorization.get()).isEqualTo("Bearer operator-token");
    }

    @Test
    void theEscrowKeyRetiresThroughTheEscrowKeysRetireRoute() {
        // Given
        HttpRewrapClient client = serveRetire(200);

        // When
        client.retire(Recipient.ESCROW_ID, 1);

        // Then
        assertThat(path.get()).isEqualTo("/v1/escrow/key/1/retire");
        assertThat(received.get()).isEqualTo(JSON.createObjectNode().put("remainingEnvelopes", 0));
    }

    @Test
    void aRefusedRetirementIsAConflictAndAnyOtherStatusIsUnavailable() {
        assertThatThrownBy(() -> serveRetire(409).retire("alice", 2))
                .isInstanceOf(RewrapVersionConflictException.class)
                .hasMessageContaining("alice");
        server.stop(0);
        assertThatThrownBy(() -> serveRetire(503).retire("alice", 2))
                .isInstanceOf(RewrapUnavailableException.class)
                .hasMessageContaining("503");
    }

    private HttpRewrapClient serveRetire(int status) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String prefix : List.of("/v1/participants/", "/v1/escrow/key/")) {
            server.createContext(prefix, exchange -> {
                path.set(exchange.getRequestURI().getPath());
                respond(exchange, status, "{}");
            });
        }
        server.start();
        return HttpRewrapClient.create(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Optional.of("operator-token"),
                Optional.empty(),
                Duration.ofSeconds(5));
    }

    private HttpRewrapClient serve(int status, String answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(HttpRewrapClient.PATH, exchange -> respond(exchange, status, answer));
        server.start();
        return HttpRewrapClient.create(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Optional.of("operator-token"),
                Optional.empty(),
                Duration.ofSeconds(5));
    }

    private void respond(HttpExchange exchange, int status, String answer) throws IOException {
        received.set(JSON.readTree(exchange.getRequestBody()));
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RewrapRequest request() {
        return new RewrapRequest("alice", 3, List.of(item("t1", 1), item("t2", 4), item("t3", 2)));
    }

    private static RewrapItem item(String id, int generation) {
        return new RewrapItem(
                id,
                generation,
                RecipientWrap.newBuilder()
                        .setRecipientId("alice")
                        .setRecipientType(RecipientType.PARTICIPANT)
                        .setKeyVersion(2)
                        .setWrap(ByteBuffer.wrap(OLD_WRAP))
                        .build());
    }
}
