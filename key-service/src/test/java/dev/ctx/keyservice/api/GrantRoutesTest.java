package dev.ctx.keyservice.api;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.grants.GrantTable;
import dev.ctx.keyservice.grants.GrantValidator;
import dev.ctx.keyservice.grants.Grants;
import dev.ctx.keyservice.grants.RecordingGrantLog;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/** {@code /v1/grants} over real HTTP, on in-memory fakes (registry store, grants log, denial sink); no Kafka. */
class GrantRoutesTest {

    private static final String BY_IDS = """
            {"grantee": "auditor-7", "transactionIds": ["txn-1", "txn-2"], "purpose": "audit",
             "fields": ["amount"], "notBefore": "2030-01-10T00:00:00Z", "notAfter": "2030-01-20T00:00:00Z"}""";
    private static final String BY_RANGE = """
            {"grantee": "auditor-8", "participantId": "client-1", "from": "2030-01-01T00:00:00Z",
             "to": "2030-02-01T00:00:00Z", "purpose": "settlement", "fields": ["settlementDetails", "amount"],
             "notBefore": "2030-01-10T00:00:00Z", "notAfter": "2030-01-20T00:00:00Z"}""";

    @TempDir
    static Path dir;

    static LifecycleFixture core;
    static Javalin app;
    static final RecordingGrantLog LOG = new RecordingGrantLog();
    static final List<AccessEvent> DENIALS = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Clock clock = Clock.systemUTC();
        core = LifecycleFixture.start(dir, clock);
        AccessEvents events = new AccessEvents("key-service/test", clock);
        Grants grants = new Grants(new GrantTable(), LOG, new GrantValidator(Duration.ofDays(90)), events, clock);
        KeyServiceComponents components = new KeyServiceComponents(
                core.registry,
                core.keys,
                new MaxAgeRotation(core.states, core.keys, Duration.ofDays(90), clock),
                Authenticator.firstOf(
                        List.of(JwtAuthenticator.hs256(ApiFixture.SECRET, ApiFixture.ISSUER, ApiFixture.AUDIENCE))),
                events,
                DENIALS::add,
                new FailedAuthenticationLimiter(1_000_000, Duration.ofMinutes(1), 1_000, clock),
                HttpMetrics.create(),
                () -> true,
                () -> true,
                16 * 1024,
                Ed25519SigningKey.generate(new SecureRandom()).verifyingKey(),
                grants);
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
        core.close();
    }

    @BeforeEach
    void storeAccepts() {
        LOG.failCommits(false);
    }

    @Test
    void complianceOfficerCreatesAGrantByTransactionIds() throws IOException {
        // When
        HttpResponse<String> response = call("POST", "/v1/grants", "compliance", BY_IDS);
        // Then
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode grant = JSON.readTree(response.body());
        assertThat(grant.get("grantId").asText()).isNotBlank();
        assertThat(grant.get("grantee").asText()).isEqualTo("auditor-7");
        assertThat(grant.get("transactionIds")).extracting(JsonNode::asText).containsExactly("txn-1", "txn-2");
        assertThat(grant.get("purpose").asText()).isEqualTo("audit");
        assertThat(grant.get("fields")).extracting(JsonNode::asText).containsExactly("amount");
        assertThat(grant.get("notBefore").asText()).isEqualTo("2030-01-10T00:00:00Z");
        assertThat(grant.get("notAfter").asText()).isEqualTo("2030-01-20T00:00:00Z");
        assertThat(grant.get("grantedBy").asText()).isEqualTo("officer-1");
        assertThat(grant.get("status").asText()).isEqualTo("active");
        assertThat(grant.has("participantId")).isFalse();
        assertThat(grant.has("revokedAt")).isFalse();
        assertThat(LOG.commits())
                .last()
                .satisfies(c -> assertThat(c.event().getType()).isEqualTo(AccessEventType.GRANT_CREATED));
    }

    @Test
    void operatorCreatesAGrantByParticipantAndRange() throws IOException {
        // When
        HttpResponse<String> response = call("POST", "/v1/grants", "operator", BY_RANGE);
        // Then
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode grant = JSON.readTree(response.body());
        assertThat(grant.get("participantId").asText()).isEqualTo("client-1");
        assertThat(grant.get("from").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(grant.get("to").asText()).isEqualTo("2030-02-01T00:00:00Z");
        assertThat(grant.get("fields")).extracting(JsonNode::asText).containsExactly("amount", "settlementDetails");
        assertThat(grant.has("transactionIds")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "both scopes        | \"transactionIds\": [\"t\"], \"participantId\": \"p\","
                        + " \"from\": \"2030-01-01T00:00:00Z\", \"to\": \"2030-01-02T00:00:00Z\""
                        + " | exactly one scope is required",
                "no scope           | \"participantId\": null | exactly one scope is required",
                "unknown field      | \"scope\": 1 | request body has a field this endpoint does not accept",
                "bad instant        | \"transactionIds\": [\"t\"], \"from\": \"yesterday\""
                        + " | from must be an ISO-8601 instant"
            })
    void malformedRequestIsRefusedWith400(String rule, String scope, String detail) throws IOException {
        // Given
        String body = "{\"grantee\": \"a\", " + scope + ", \"purpose\": \"audit\", \"fields\": [\"amount\"],"
                + " \"notBefore\": \"2030-01-10T00:00:00Z\", \"notAfter\": \"2030-01-20T00:00:00Z\"}";
        // When
        HttpResponse<String> response = call("POST", "/v1/grants", "operator", body);
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains(detail);
    }

    @Test
    void grantLongerThanTheMaximumIsRefusedWith400() throws IOException {
        // When
        HttpResponse<String> response =
                call("POST", "/v1/grants", "operator", BY_IDS.replace("2030-01-20T00:00:00Z", "2030-06-01T00:00:00Z"));
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asText())
                .isEqualTo("a grant may last at most PT2160H (grants.max.duration)");
    }

    @ParameterizedTest(name = "{0} {1} as participant -> 403")
    @CsvSource({"POST, /v1/grants", "GET, /v1/grants?grantee=alice", "DELETE, /v1/grants/some-grant"})
    void participantMayNotTouchGrantsAndIsAuditedAsDenied(String method, String path) {
        // Given
        int denialsBefore = DENIALS.size();
        // When
        HttpResponse<String> response = call(method, path, "alice", method.equals("POST") ? BY_IDS : null);
        // Then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(DENIALS.subList(denialsBefore, DENIALS.size()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_DENIED);
                    assertThat(event.getRequester()).isEqualTo("alice");
                });
    }

    @Test
    void unauthenticatedCallerGets401() {
        assertThat(call("GET", "/v1/grants", "none", null).statusCode()).isEqualTo(401);
    }

    @Test
    void listByGranteeHoldsOnlyThatGranteesGrants() throws IOException {
        // Given
        call("POST", "/v1/grants", "operator", BY_IDS.replace("auditor-7", "lister-1"));
        call("POST", "/v1/grants", "operator", BY_IDS.replace("auditor-7", "lister-2"));
        // When
        HttpResponse<String> response = call("GET", "/v1/grants?grantee=lister-1", "compliance", null);
        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()))
                .singleElement()
                .satisfies(grant -> assertThat(grant.get("grantee").asText()).isEqualTo("lister-1"));
    }

    @Test
    void revokeAnswers204ThenTheGrantIsListedRevokedAndASecondRevokeIs409() throws IOException {
        // Given
        String grantId = JSON.readTree(call("POST", "/v1/grants", "operator", BY_IDS.replace("auditor-7", "revoked-1"))
                        .body())
                .get("grantId")
                .asText();
        // When
        HttpResponse<String> revoked = call("DELETE", "/v1/grants/" + grantId, "compliance", null);
        HttpResponse<String> again = call("DELETE", "/v1/grants/" + grantId, "operator", null);
        // Then
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode listed = JSON.readTree(call("GET", "/v1/grants?grantee=revoked-1", "operator", null)
                        .body())
                .get(0);
        assertThat(listed.get("status").asText()).isEqualTo("revoked");
        assertThat(listed.get("revokedBy").asText()).isEqualTo("officer-1");
        assertThat(listed.get("revokedAt").asText()).isNotBlank();
    }

    @Test
    void revokingAnUnknownGrantIs404() {
        assertThat(call("DELETE", "/v1/grants/no-such-grant", "operator", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void grantThatCouldNotBeCommittedIs503AndNotListed() throws IOException {
        // Given
        LOG.failCommits(true);
        // When
        HttpResponse<String> response = call("POST", "/v1/grants", "operator", BY_IDS.replace("auditor-7", "lost-1"));
        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(call("GET", "/v1/grants?grantee=lost-1", "operator", null)
                        .body()))
                .isEmpty();
    }

    private static HttpResponse<String> call(String method, String path, String who, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        switch (who) {
            case "operator" -> request.header("Authorization", "Bearer " + ApiFixture.token("operator-1", "operator"));
            case "compliance" ->
                request.header("Authorization", "Bearer " + ApiFixture.token("officer-1", "compliance"));
            case "alice" -> request.header("Authorization", "Bearer " + ApiFixture.token("alice", "participant"));
            default -> {}
        }
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
