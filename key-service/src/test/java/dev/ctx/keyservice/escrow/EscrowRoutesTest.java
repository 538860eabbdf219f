package dev.ctx.keyservice.escrow;

import static dev.ctx.keyservice.escrow.EscrowFixture.TXN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.api.KeyServiceComponents;
import dev.ctx.keyservice.api.KeyServiceRoutes;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/** {@code /v1/escrow/requests} over real HTTP on the real key lifecycle and escrow key; no Kafka. */
class EscrowRoutesTest {

    private static final String FILE = """
            {"transactionIds": ["txn-42"], "authorizationReference": "CO-2026-17", "legalBasis": "court order",
             "reason": "fraud case 9", "fields": ["amount"], "expiresIn": "P7D"}""";
    private static final String PATH = "/v1/escrow/requests";
    private static final List<String> MFA = List.of("pwd", "mfa");

    @TempDir
    static Path dir;

    static EscrowFixture fixture;
    static Javalin app;
    static final List<AccessEvent> GUARD_DENIALS = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new EscrowFixture(dir, 1);
        var core = fixture.lifecycle;
        KeyServiceComponents components = new KeyServiceComponents(
                        core.registry,
                        core.keys,
                        new MaxAgeRotation(core.states, core.keys, Duration.ofDays(90), fixture.clock),
                        Authenticator.firstOf(List.of(
                                JwtAuthenticator.hs256(ApiFixture.SECRET, ApiFixture.ISSUER, ApiFixture.AUDIENCE))),
                        new AccessEvents("key-service/test", fixture.clock),
                        GUARD_DENIALS::add,
                        new FailedAuthenticationLimiter(1_000_000, Duration.ofMinutes(1), 1_000, fixture.clock),
                        HttpMetrics.create(),
                        () -> true,
                        () -> true,
                        16 * 1024,
                        Ed25519SigningKey.generate(new SecureRandom()).verifyingKey())
                .withEscrow(fixture.service);
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
    void fileApproveTwiceAndOpenOverHttp() throws IOException {
        // Given
        HttpResponse<String> filed = call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), FILE);
        String id = JSON.readTree(filed.body()).get("requestId").asText();
        String one = "/v1/escrow/requests/" + id;
        // When
        HttpResponse<String> first = call("POST", one + "/approvals", officer("officer-1"), null);
        HttpResponse<String> second = call("POST", one + "/approvals", officer("officer-2"), null);
        HttpResponse<String> opened = call("POST", one + "/open", ApiFixture.token("auditor-7", "auditor", MFA), null);
        // Then
        assertThat(filed.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(filed.body()).get("state").asText()).isEqualTo("FILED");
        assertThat(JSON.readTree(first.body()).get("state").asText()).isEqualTo("FILED");
        assertThat(JSON.readTree(second.body()).get("state").asText()).isEqualTo("APPROVED");
        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(opened.body());
        assertThat(body.at("/request/state").asText()).isEqualTo("OPENED");
        assertThat(body.at("/request/opens").asInt()).isEqualTo(1);
        assertThat(body.at("/transactions/0/transactionId").asText()).isEqualTo("txn-42");
        assertThat(body.at("/transactions/0/status").asText()).isEqualTo("OPENED");
        assertThat(body.at("/transactions/0/fields/amount").asText()).isEqualTo("1250.50000000");
        assertThat(body.at("/transactions/0/fields").has("pricing")).isFalse();
    }

    @Test
    void aRefusalIsAProblemWithItsReasonAndOneDeniedEvent() throws IOException {
        // Given
        HttpResponse<String> filed = call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), FILE);
        String id = JSON.readTree(filed.body()).get("requestId").asText();
        int before = fixture.denials.size();
        // When
        HttpResponse<String> response = call(
                "POST", "/v1/escrow/requests/" + id + "/approvals", ApiFixture.token("p-1", "participant", MFA), null);
        // Then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(fixture.denials.subList(before, fixture.denials.size()))
                .singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo(AccessEventType.ESCROW_DENIED));
    }

    @Test
    void withoutASecondFactorFilingIs401StepUpRequired() throws IOException {
        // When
        HttpResponse<String> response =
                call("POST", PATH, ApiFixture.token("auditor-7", "auditor", List.of("pwd")), FILE);
        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_user_authentication\"");
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("STEP_UP_REQUIRED");
    }

    @Test
    void aMalformedBodyIs400InvalidRequestWithOneDeniedEvent() throws IOException {
        // Given
        int before = fixture.denials.size();
        // When
        HttpResponse<String> response =
                call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), "{\"transactionIds\": 7}");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(fixture.denials.subList(before, fixture.denials.size())).hasSize(1);
    }

    @Test
    void filingByParticipantAndTimeRangeNamesTheTransactionsItResolvedTo() throws IOException {
        // Given the sample transaction lists client-1
        String at = fixture.sample.encrypted.getTimestamp().toString();
        String after = fixture.sample.encrypted.getTimestamp().plusSeconds(1).toString();
        // When
        HttpResponse<String> response =
                call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), """
                {"participantId": "client-1", "from": "%s", "to": "%s",
                 "authorizationReference": "CO-1", "legalBasis": "court order", "reason": "case",
                 "expiresIn": "P7D"}""".formatted(at, after));
        // Then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("transactionIds").get(0).asText())
                .isEqualTo(TXN);
    }

    @Test
    void filingByParticipantForARangeWithoutTransactionsIsRefusedWithItsReason() throws IOException {
        // When
        HttpResponse<String> response = call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), """
                {"participantId": "client-1", "from": "2001-01-01T00:00:00Z", "to": "2001-02-01T00:00:00Z",
                 "authorizationReference": "CO-1", "legalBasis": "court order", "reason": "case",
                 "expiresIn": "P7D"}""");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("no transaction in that range");
    }

    @Test
    void filingWithBothIdsAndAParticipantScopeIsRefused() throws IOException {
        // When
        HttpResponse<String> response =
                call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), """
                {"transactionIds": ["%s"], "participantId": "client-1", "from": "2001-01-01T00:00:00Z",
                 "to": "2031-02-01T00:00:00Z", "authorizationReference": "CO-1", "legalBasis": "court order",
                 "reason": "case", "expiresIn": "P7D"}""".formatted(TXN));
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("not both");
    }

    @Test
    void complianceListsAndReadsRequestsButOperatorsMayNot() throws IOException {
        // Given
        HttpResponse<String> filed = call("POST", PATH, ApiFixture.token("auditor-7", "auditor", MFA), FILE);
        String id = JSON.readTree(filed.body()).get("requestId").asText();
        // When
        HttpResponse<String> listed = call("GET", PATH, officer("officer-1"), null);
        HttpResponse<String> read = call("GET", "/v1/escrow/requests/" + id, officer("officer-1"), null);
        HttpResponse<String> byOperator = call("GET", PATH, ApiFixture.token("op-1", "operator"), null);
        // Then
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).findValuesAsText("requestId")).contains(id);
        assertThat(JSON.readTree(read.body()).get("authorizationReference").asText())
                .isEqualTo("CO-2026-17");
        assertThat(byOperator.statusCode()).isEqualTo(403);
    }

    @Test
    void theRoutesAreInTheOpenApiDocument() {
        // Given
        String document = KeyServiceRoutes.openApiDocument();
        // Then
        assertThat(document)
                .contains(
                        "\"/v1/escrow/requests\": {",
                        "\"/v1/escrow/requests/{requestId}\": {",
                        "\"/v1/escrow/requests/{requestId}/approvals\": {",
                        "\"/v1/escrow/requests/{requestId}/rejection\": {",
                        "\"/v1/escrow/requests/{requestId}/withdrawal\": {",
                        "\"/v1/escrow/requests/{requestId}/open\": {");
    }

    private static String officer(String subject) {
        return ApiFixture.token(subject, "compliance", MFA);
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
