package dev.ctx.keyservice.api;

import static dev.ctx.keyservice.testing.RewrapFixture.ALICE;
import static dev.ctx.keyservice.testing.RewrapFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.rewrap.RewrapItem;
import dev.ctx.keyservice.rewrap.RewrapSettings;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.RewrapFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

/**
 * {@code POST /v1/rewrap}, retirement and the destroy refusal over real HTTP, on the in-memory rewrap fixture (real
 * registry, custody and envelope library; no Kafka). Alice's transactions are sealed under v1, then she is on v2.
 */
class RewrapRoutesTest {

    private static final int MAX_ITEMS = 3;
    private static final int MAX_BODY = 32 * 1024;
    private static final int SERVER_BODY = 16 * 1024;

    @TempDir
    static Path dir;

    static RewrapFixture fixture;
    static Javalin app;
    static KeyServiceComponents components;
    static final List<AccessEvent> DENIALS = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Clock clock = Clock.systemUTC();
        fixture = RewrapFixture.start(dir, new RewrapSettings(MAX_ITEMS, MAX_BODY, Duration.ofSeconds(5)));
        fixture.seal("txn-1", false);
        fixture.seal("txn-2", true);
        fixture.core.keys.rotate(OPERATOR, ALICE);
        components = new KeyServiceComponents(
                        fixture.core.registry,
                        fixture.core.keys,
                        new MaxAgeRotation(fixture.core.states, fixture.core.keys, Duration.ofDays(90), clock),
                        Authenticator.firstOf(List.of(
                                JwtAuthenticator.hs256(ApiFixture.SECRET, ApiFixture.ISSUER, ApiFixture.AUDIENCE))),
                        new AccessEvents("key-service/test", clock),
                        DENIALS::add,
                        new FailedAuthenticationLimiter(1_000_000, Duration.ofMinutes(1), 1_000, clock),
                        HttpMetrics.create(),
                        () -> true,
                        () -> true,
                        SERVER_BODY,
                        Ed25519SigningKey.generate(new SecureRandom()).verifyingKey())
                .withRewrap(fixture.service);
        app = Javalin.create(cfg -> {
                    KeyServiceRoutes.register(cfg, components);
                    cfg.jetty.host = "127.0.0.1";
                    cfg.jetty.port = 0;
                })
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
        fixture.close();
    }

    @Test
    void theRewrapJobGetsOneResultPerItemInOrder() throws IOException {
        // Given
        String body = batch("alice", 2, item("txn-1"), item("txn-none"), item("txn-2"));
        // When
        HttpResponse<String> response = call("POST", RewrapRoutes.PATH, "operator", body);
        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results).hasSize(3);
        JsonNode first = results.get(0);
        assertThat(first.get("transactionId").asText()).isEqualTo("txn-1");
        assertThat(first.get("generation").asInt()).isEqualTo(1);
        assertThat(first.get("wrap").get("recipientId").asText()).isEqualTo("alice");
        assertThat(first.get("wrap").get("keyVersion").asInt()).isEqualTo(2);
        byte[] wrap = Base64.getDecoder().decode(first.get("wrap").get("wrap").asText());
        assertThat(wrap).as("an epoch wrap of the batch's epoch").hasSize(121).startsWith(0x03);
        assertThat(first.has("error")).isFalse();
        assertThat(results.get(1).get("error").asText()).isEqualTo("UNKNOWN_TRANSACTION");
        assertThat(results.get(1).has("wrap")).isFalse();
        assertThat(results.get(2).get("transactionId").asText()).isEqualTo("txn-2");
        assertThat(results.get(2).get("wrap").get("keyVersion").asInt()).isEqualTo(2);
        assertThat(fixture.committed)
                .anyMatch(e -> e.getType() == AccessEventType.REWRAPPED
                        && "operator-1".equals(e.getRequester())
                        && "3".equals(e.getAttributes().get("items")));
    }

    @ParameterizedTest
    @CsvSource({"alice, participant", "officer-1, compliance"})
    void onlyOperatorsMayRewrapAndARefusalIsAudited(String subject, String role) {
        // Given
        String body = batch("alice", 2, item("txn-1"));
        // When
        HttpResponse<String> response = call("POST", RewrapRoutes.PATH, ApiFixture.token(subject, role), body);
        // Then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("\"results\"");
        assertThat(DENIALS)
                .anyMatch(e -> e.getType() == AccessEventType.ACCESS_DENIED
                        && subject.equals(e.getRequester())
                        && RewrapRoutes.PATH.equals(e.getSubject()));
    }

    @Test
    void theRouteIsServedAndInTheOpenApiDocument() {
        // Given
        String document = KeyServiceRoutes.openApiDocument();
        // When
        int at = document.indexOf("\"" + RewrapRoutes.PATH + "\": {");
        // Then
        assertThat(KeyServiceRoutes.describeRoutes(components)).contains("POST " + RewrapRoutes.PATH);
        assertThat(at).isPositive();
        assertThat(document.substring(at, document.indexOf("\n    \"/", at + 1)))
                .contains("\"post\": {");
    }

    @Test
    void moreItemsThanTheLimitAre413() {
        // Given
        String body = batch("alice", 2, item("txn-1"), item("txn-1"), item("txn-1"), item("txn-1"));
        // When
        HttpResponse<String> response = call("POST", RewrapRoutes.PATH, "operator", body);
        // Then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too-many-items").contains("at most " + MAX_ITEMS);
    }

    @Test
    void theRewrapBodyLimitIsItsOwn() {
        // Given
        String padded = batch("alice", 2, item("txn-1")) + " ".repeat(SERVER_BODY + 1024);
        String oversize = batch("alice", 2, item("txn-1")) + " ".repeat(MAX_BODY);
        // When
        HttpResponse<String> withinRewrapLimit = call("POST", RewrapRoutes.PATH, "operator", padded);
        HttpResponse<String> beyondRewrapLimit = call("POST", RewrapRoutes.PATH, "operator", oversize);
        HttpResponse<String> elsewhere = call("POST", "/v1/participants", "operator", "{}" + " ".repeat(SERVER_BODY));
        // Then
        assertThat(withinRewrapLimit.statusCode()).isEqualTo(200);
        assertThat(beyondRewrapLimit.statusCode()).isEqualTo(400);
        assertThat(beyondRewrapLimit.body()).contains("request-too-large");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("request-too-large");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"participantId\": \"alice\", \"toVersion\": 2, \"items\": []}",
                "{\"participantId\": \"alice\", \"toVersion\": 2}",
                "{\"participantId\": \"alice\", \"items\": [ITEM]}",
                "{\"participantId\": \"alice\", \"toVersion\": 2, \"items\": [{\"transactionId\": \"txn-1\","
                        + " \"generation\": 1, \"wrap\": {\"keyVersion\": 1, \"wrap\": \"not base64!\"}}]}",
                "{\"participantId\": \"alice\", \"toVersion\": 2, \"items\": [{\"transactionId\": \"txn-1\","
                        + " \"wrap\": {\"keyVersion\": 1, \"wrap\": \"AQID\"}}]}",
                "{\"participantId\": \"alice\", \"toVersion\": 2, \"items\": [{\"transactionId\": \"txn-1\","
                        + " \"generation\": 1, \"wrap\": {\"recipientId\": \"bob\", \"keyVersion\": 1,"
                        + " \"wrap\": \"AQID\"}}]}",
                "{\"participantId\": \"alice\", \"toVersion\": 2, \"items\": [ITEM], \"extra\": true}"
            })
    void aMalformedBatchIs400(String body) {
        // When
        HttpResponse<String> response =
                call("POST", RewrapRoutes.PATH, "operator", body.replace("ITEM", item("txn-1")));
        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    @Test
    void aTargetThatIsNotTheCurrentVersionIs409() {
        // When
        HttpResponse<String> response = call("POST", RewrapRoutes.PATH, "operator", batch("alice", 1, item("txn-1")));
        // Then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("not the current version");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''", "'{\"remainingEnvelopes\": 3}'", "'{}'"})
    void retiringNeedsZeroRemainingEnvelopes(String body) {
        // Given
        ParticipantId carol = rotatedParticipant("carol-" + Integer.toHexString(body.hashCode()));
        // When
        HttpResponse<String> response = call("POST", keyPath(carol, 1) + "/retire", "operator", body);
        // Then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("remainingEnvelopes");
        assertThat(fixture.core
                        .registry
                        .get(carol)
                        .key(1)
                        .orElseThrow()
                        .status()
                        .name())
                .isEqualTo("ACTIVE");
    }

    @Test
    void atZeroRemainingEnvelopesTheVersionIsRetiredAndThenDestroyable() throws IOException {
        // Given
        ParticipantId dave = rotatedParticipant("dave");
        // When
        HttpResponse<String> retired =
                call("POST", keyPath(dave, 1) + "/retire", "operator", "{\"remainingEnvelopes\": 0}");
        HttpResponse<String> destroyed = call("DELETE", keyPath(dave, 1), "operator", null);
        // Then
        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retired.body()).get("status").asText()).isEqualTo("retired");
        assertThat(destroyed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(destroyed.body()).get("status").asText()).isEqualTo("destroyed");
    }

    @Test
    void destroyingAnActiveVersionIsRefusedNamingWhy() {
        // Given
        ParticipantId erin = rotatedParticipant("erin");
        // When
        HttpResponse<String> response = call("DELETE", keyPath(erin, 1), "operator", null);
        // Then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body())
                .contains("is ACTIVE")
                .contains("envelopes may still wrap")
                .contains("retires");
    }

    private static ParticipantId rotatedParticipant(String name) {
        ParticipantId id = ParticipantId.parse(name);
        fixture.core.registry.register(OPERATOR, id, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"));
        fixture.core.keys.createKey(OPERATOR, id);
        fixture.core.keys.rotate(OPERATOR, id);
        return id;
    }

    private static String keyPath(ParticipantId id, int version) {
        return "/v1/participants/" + id.value() + "/keys/" + version;
    }

    private static String item(String transactionId) {
        RewrapItem item = fixture.itemFor(fixture.view.containsKey(transactionId) ? transactionId : "txn-1", ALICE);
        return "{\"transactionId\": \"" + transactionId + "\", \"generation\": " + item.generation()
                + ", \"wrap\": {\"keyVersion\": " + item.keyVersion() + ", \"wrap\": \""
                + Base64.getEncoder().encodeToString(item.wrap()) + "\"}}";
    }

    private static String batch(String participant, int toVersion, String... items) {
        return "{\"participantId\": \"" + participant + "\", \"toVersion\": " + toVersion + ", \"items\": ["
                + String.join(", ", items) + "]}";
    }

    private static HttpResponse<String> call(String method, String path, String who, String body) {
        String token = switch (who) {
            case "operator" -> ApiFixture.token("operator-1", "operator");
            default -> who;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
