package dev.ctx.keyservice.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.javalin.Javalin;

import dev.ctx.envelope.Recipient;
import dev.ctx.keyservice.api.KeyServiceRoutes;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.UnsealingCustodialKeys;
import dev.ctx.keyservice.store.AccessEventLog;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

/** {@code POST /v1/access-requests} over HTTP on the real store, with step-up required. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRequestsIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final String PATH = "/v1/access-requests";
    private static final String BODY = "{\"transactionId\": \"" + SealedSample.TXN + "\", \"purpose\": \"settlement\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private ApiFixture api;
    private AccessEventLog log;
    private AccessEventCommitter committer;
    private Javalin app;
    private SealedSample sample;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = ApiFixture.start(dir, Clock.systemUTC());
        sample = SealedSample.sealFor(List.of(recipient("client-1"), recipient("miner-1")));
        log = AccessEventLog.open(api.service.config, api.service.serde(AccessEvent.class));
        committer = AccessEventCommitter.start(
                1000, 100, Duration.ofMillis(2), log, api.components.metrics().registry());
        AccessService access = new AccessService(
                id -> id.equals(SealedSample.TXN)
                        ? new LookupResult.Found(sample.encrypted, sample.envelope)
                        : new LookupResult.Unknown(id),
                ParticipantDirectory.of(api.service.states),
                new FakeGrantBook(),
                new UnsealingCustodialKeys(api.service.states, api.service.keys),
                committer,
                new AccessEvents("key-service/test", Clock.systemUTC()),
                new AccessSettings(AccessLevels.parse(AccessLevels.DEFAULT), true, Duration.ofSeconds(25)),
                Clock.systemUTC(),
                api.components.metrics().registry());
        app = Javalin.create(cfg -> {
                    KeyServiceRoutes.register(cfg, api.components.withAccess(access));
                    cfg.jetty.host = "127.0.0.1";
                    cfg.jetty.port = 0;
                })
                .start();
    }

    @AfterAll
    void stop() {
        app.stop();
        committer.close();
        log.close();
        api.close();
    }

    @Test
    void aSteppedUpParticipantGetsItsFieldsAfterTheEventIsCommitted() throws Exception {
        // When
        HttpResponse<String> response = post(token("miner-1", "participant", List.of("pwd", "otp")), BODY);
        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("authorizedBy").asText()).isEqualTo("policy:" + SealedSample.TXN);
        assertThat(body.get("fields").get("amount").asText()).isEqualTo("1250.50000000");
        assertThat(body.get("fields")
                        .get("settlementDetails")
                        .get("settlementDate")
                        .asText())
                .isEqualTo("2026-06-02T09:30:00Z");
        assertThat(body.get("fields").has("pricing")).isFalse();
        String eventId = body.get("eventId").asText();
        assertThat(AccessLog.read(api.service))
                .filteredOn(e -> e.getEventId().equals(eventId))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getType()).isEqualTo(AccessEventType.ACCESS_GRANTED);
                    assertThat(e.getUserAgent()).isEqualTo("ctx-test");
                    assertThat(e.getDataAccessed()).containsExactly("amount", "settlementDetails");
                });
    }

    @Test
    void withoutASecondFactorTheAnswerIs401StepUpRequired() throws Exception {
        // When
        HttpResponse<String> response = post(token("miner-1", "participant", List.of("pwd")), BODY);
        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_user_authentication\"");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("reason").asText()).isEqualTo("STEP_UP_REQUIRED");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.has("fields")).isFalse();
    }

    @Test
    void aNonParticipantIsRefusedWithItsReasonAndNoData() throws Exception {
        // When
        HttpResponse<String> response = post(token("outsider", "participant", List.of("mfa")), BODY);
        // Then
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("reason").asText()).isEqualTo("NOT_A_PARTICIPANT");
        assertThat(response.body()).doesNotContain("1250", "DE89");
    }

    @Test
    void anUnknownTransactionIs404WithItsReasonNotTheNoSuchEndpointProblem() throws Exception {
        // When: a real route answers 404 (the server's own 404 handler must leave that problem alone)
        HttpResponse<String> response = post(
                token("miner-1", "participant", List.of("mfa")),
                "{\"transactionId\": \"no-such-txn\", \"purpose\": \"settlement\"}");
        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("reason").asText()).isEqualTo("UNKNOWN_TRANSACTION");
    }

    @Test
    void aMalformedRequestIs400MalformedRequest() throws Exception {
        // When
        HttpResponse<String> response = post(
                token("miner-1", "participant", List.of("mfa")),
                "{\"transactionId\": \"" + SealedSample.TXN + "\", \"purpose\": \"Settlement!\"}");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("reason").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void theRouteIsInTheOpenApiDocument() {
        // Given
        String document = KeyServiceRoutes.openApiDocument();
        // When
        int at = document.indexOf("\"" + PATH + "\": {");
        // Then
        assertThat(at).isPositive();
        assertThat(document.substring(at, document.indexOf("\n    \"/", at + 1)))
                .contains("\"post\": {");
        assertThat(KeyServiceRoutes.describeRoutes(api.components)).doesNotContain("POST " + PATH);
    }

    private Recipient recipient(String id) {
        ParticipantId participant = ParticipantId.parse(id);
        api.service.registry.register(
                OPERATOR, participant, ParticipantRole.MINER, KycStatus.VERIFIED, List.of("settlement"));
        return new Recipient(
                id, 1, api.service.keys.createKey(OPERATOR, participant).publicKey());
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + PATH))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "ctx-test")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String subject, String role, List<String> amr) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ApiFixture.ISSUER)
                .audience(ApiFixture.AUDIENCE)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("role", role)
                .claim("amr", amr)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(ApiFixture.SECRET));
        return jwt.serialize();
    }
}
