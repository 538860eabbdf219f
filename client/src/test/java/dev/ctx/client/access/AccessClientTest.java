package dev.ctx.client.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.KeyServiceUnreachableException;
import dev.ctx.client.access.error.NotFoundException;
import dev.ctx.client.access.error.StepUpRequiredException;
import dev.ctx.client.testing.ContractServer;
import dev.ctx.client.testing.ContractServer.Answer;
import dev.ctx.client.testing.ContractServer.Received;
import dev.ctx.envelope.key.X25519KeyPair;

/** The client's side of the read-API contract, against a real HTTP server on loopback. */
class AccessClientTest {

    private static final String ACCESS = "/v1/access-requests";

    private final ContractServer server = ContractServer.start();
    private final AccessClient client =
            AccessClient.builder(server.baseUrl()).token("jwt-of-miner-1").build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void grantedRequestReturnsTheReleasedFieldsAndWhoAuthorizedIt() {
        // Given
        server.on(
                "POST",
                ACCESS,
                Answer.json(
                        200,
                        "{\"transactionId\":\"txn-1\",\"purpose\":\"settlement\","
                                + "\"authorizedBy\":\"policy:txn-1\",\"eventId\":\"ev-9\","
                                + "\"fields\":{\"amount\":\"1250.00\",\"settlementDetails\":{\"method\":\"SEPA\"}}}"));

        // When
        AccessResult result = client.requestAccess("txn-1", "settlement", List.of("amount", "settlementDetails"));

        // Then
        assertThat(result.transactionId()).isEqualTo("txn-1");
        assertThat(result.authorizedBy()).isEqualTo("policy:txn-1");
        assertThat(result.eventId()).isEqualTo("ev-9");
        assertThat(result.fields().get("amount").asText()).isEqualTo("1250.00");
        assertThat(result.fields().get("settlementDetails").path("method").asText())
                .isEqualTo("SEPA");
        assertThat(result.toString()).contains("amount").doesNotContain("1250");
        Received request = server.received().get(0);
        assertThat(request.authorization()).isEqualTo("Bearer jwt-of-miner-1");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body())
                .isEqualTo("{\"transactionId\":\"txn-1\",\"purpose\":\"settlement\","
                        + "\"fields\":[\"amount\",\"settlementDetails\"]}");
    }

    @Test
    void requestWithoutFieldsLeavesTheChoiceToTheAccessLevel() {
        // Given
        server.on(
                "POST",
                ACCESS,
                Answer.json(
                        200,
                        "{\"transactionId\":\"t\",\"purpose\":\"audit\","
                                + "\"authorizedBy\":\"grant:g-1\",\"fields\":{}}"));

        // When
        AccessResult result = client.requestAccess("t", "audit");

        // Then
        assertThat(server.received().get(0).body()).isEqualTo("{\"transactionId\":\"t\",\"purpose\":\"audit\"}");
        assertThat(result.authorizedBy()).isEqualTo("grant:g-1");
        assertThat(result.fields()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "400, MALFORMED_REQUEST, MalformedRequestException",
        "401, UNAUTHENTICATED, UnauthenticatedException",
        "401, STEP_UP_REQUIRED, StepUpRequiredException",
        "403, NOT_A_PARTICIPANT, AccessDeniedException",
        "403, PURPOSE_NOT_IN_POLICY, AccessDeniedException",
        "403, PURPOSE_NOT_ALLOWED_FOR_PARTICIPANT, AccessDeniedException",
        "403, OUTSIDE_POLICY_WINDOW, AccessDeniedException",
        "403, GRANT_NOT_VALID, AccessDeniedException",
        "403, PARTICIPANT_NOT_ACTIVE, AccessDeniedException",
        "403, KYC_NOT_VERIFIED, AccessDeniedException",
        "403, FIELD_NOT_ALLOWED, AccessDeniedException",
        "404, UNKNOWN_TRANSACTION, UnknownTransactionException",
        "409, PARTICIPANT_HELD_KEY, ParticipantHeldKeyException",
        "410, SHREDDED, ShreddedException",
        "422, INTEGRITY_FAILURE, IntegrityFailureException",
        "503, AUDIT_UNAVAILABLE, AuditUnavailableException",
        "500, INTERNAL, KeyServiceException",
    })
    void everyErrorStatusIsItsTypedExceptionWithTheReasonCode(int status, String reason, String type) {
        // Given
        server.on("POST", ACCESS, Answer.problem(status, reason, "Refused"));

        // When / Then
        assertThatThrownBy(() -> client.requestAccess("txn-1", "settlement"))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .isInstanceOfSatisfying(KeyServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.reason()).isEqualTo(reason);
                })
                .hasMessageContaining("POST /v1/access-requests")
                .hasMessageContaining(reason);
    }

    @Test
    void stepUpIsRecognizedByItsWwwAuthenticateChallengeAlone() {
        // Given: a 401 whose body names no reason
        server.on(
                "POST",
                ACCESS,
                Answer.empty(401).withHeader("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\""));

        // When / Then
        assertThatThrownBy(() -> client.requestAccess("txn-1", "settlement"))
                .isInstanceOf(StepUpRequiredException.class);
    }

    @Test
    void successBodyWithoutFieldsIsAnUnexpectedAnswer() {
        // Given
        server.on("POST", ACCESS, Answer.json(200, "{\"transactionId\":\"t\",\"purpose\":\"p\"}"));

        // When / Then
        assertThatThrownBy(() -> client.requestAccess("t", "p"))
                .isExactlyInstanceOf(KeyServiceException.class)
                .hasMessageContaining("no 'fields' object");
    }

    @Test
    void tokenIsAskedForOnEveryCallAndAnEmptyOneSendsNoHeader() {
        // Given
        AtomicInteger calls = new AtomicInteger();
        AccessClient refreshing = AccessClient.builder(server.baseUrl())
                .token(() -> calls.incrementAndGet() == 1 ? Optional.of("first") : Optional.empty())
                .build();
        server.on("GET", "/v1/grants?grantee=miner-1", Answer.json(200, "[]"));

        // When
        refreshing.grants("miner-1");
        refreshing.grants("miner-1");

        // Then
        assertThat(server.received()).extracting(Received::authorization).containsExactly("Bearer first", null);
    }

    @Test
    void grantIsCreatedListedAndRevoked() {
        // Given
        server.on("POST", "/v1/grants", Answer.json(201, "{\"grantId\":\"g-1\",\"grantee\":\"auditor-2\"}"));
        server.on("GET", "/v1/grants?grantee=auditor-2", Answer.json(200, "[{\"grantId\":\"g-1\"}]"));
        server.on("DELETE", "/v1/grants/g-1", Answer.empty(204));
        GrantRequest request = GrantRequest.forTransactions(
                "auditor-2",
                List.of("txn-1"),
                "audit",
                List.of("amount"),
                Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-02T00:00:00Z"));

        // When
        CreatedGrant created = client.createGrant(request);
        List<JsonNode> listed = client.grants("auditor-2");
        client.revokeGrant("g-1");

        // Then
        assertThat(created.grantId()).isEqualTo("g-1");
        assertThat(listed).extracting(grant -> grant.path("grantId").asText()).containsExactly("g-1");
        assertThat(server.received().get(0).body())
                .isEqualTo("{\"grantee\":\"auditor-2\","
                        + "\"transactionIds\":[\"txn-1\"],\"purpose\":\"audit\",\"fields\":[\"amount\"],"
                        + "\"notBefore\":\"2026-12-01T00:00:00Z\",\"notAfter\":\"2026-12-02T00:00:00Z\"}");
        assertThat(server.received()).extracting(Received::method).containsExactly("POST", "GET", "DELETE");
    }

    @Test
    void participantRangeGrantSendsParticipantAndRange() {
        // Given
        server.on("POST", "/v1/grants", Answer.json(201, "{\"grantId\":\"g-2\"}"));

        // When
        client.createGrant(GrantRequest.forParticipant(
                "auditor-2",
                "miner-1",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                "audit",
                List.of(),
                Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-02T00:00:00Z")));

        // Then
        assertThat(server.received().get(0).body())
                .contains("\"participantId\":\"miner-1\"")
                .contains("\"from\":\"2026-01-01T00:00:00Z\"")
                .doesNotContain("transactionIds");
    }

    @Test
    void revokingAnUnknownGrantIsNotFound() {
        // Given
        server.on("DELETE", "/v1/grants/g%201", Answer.problem(404, "UNKNOWN_GRANT", "Unknown grant"));

        // When / Then: the id is percent-encoded as one path segment
        assertThatThrownBy(() -> client.revokeGrant("g 1")).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void ownKeyRegistrationSendsThePublicKeyAndReadsTheChallenge() {
        // Given
        X25519KeyPair key = X25519KeyPair.generate();
        server.on(
                "POST",
                "/v1/participants/miner-1/keys",
                Answer.json(
                        202,
                        "{\"challengeId\":\"c-1\","
                                + "\"keyVersion\":2,\"enc\":\"AAEC\",\"ciphertext\":\"AwQF\","
                                + "\"info\":\"Y3R4\",\"aad\":\"\","
                                + "\"expiresAt\":\"2026-12-01T10:00:00Z\"}"));
        server.on("POST", "/v1/participants/miner-1/keys/2/proof", Answer.json(200, "{\"version\":2}"));

        // When
        KeyChallenge challenge = client.registerOwnKey("miner-1", key.publicKey());
        client.proveKeyPossession("miner-1", 2, "c-1", new byte[] {9, 8});

        // Then
        assertThat(challenge.challengeId()).isEqualTo("c-1");
        assertThat(challenge.keyVersion()).isEqualTo(2);
        assertThat(challenge.enc()).containsExactly(0, 1, 2);
        assertThat(challenge.aad()).isEmpty();
        assertThat(challenge.expiresAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(server.received().get(0).body())
                .isEqualTo("{\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(key.publicKey().bytes()) + "\"}");
        assertThat(server.received().get(1).body())
                .contains("\"challengeId\":\"c-1\"")
                .contains("\"answer\":\"CQg=\"");
    }

    @ParameterizedTest
    @CsvSource({"403, PROOF_FAILED, ProofFailedException", "410, CHALLENGE_EXPIRED, ChallengeExpiredException"})
    void refusedProofIsItsTypedException(int status, String reason, String type) {
        // Given
        server.on("POST", "/v1/participants/miner-1/keys/2/proof", Answer.problem(status, reason, "No"));

        // When / Then
        assertThatThrownBy(() -> client.proveKeyPossession("miner-1", 2, "c-1", new byte[32]))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type));
    }

    @Test
    void noServiceListeningIsUnreachable() {
        // Given
        URI stopped = server.baseUrl();
        server.close();
        AccessClient nowhere = AccessClient.builder(stopped).build();

        // When / Then
        assertThatThrownBy(() -> nowhere.requestAccess("t", "p"))
                .isInstanceOf(KeyServiceUnreachableException.class)
                .satisfies(e -> assertThat(((KeyServiceException) e).status()).isZero());
    }
}
