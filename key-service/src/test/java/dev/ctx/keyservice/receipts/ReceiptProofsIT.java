package dev.ctx.keyservice.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

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

import dev.ctx.envelope.HpkeChallenge;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.RangeProof;
import dev.ctx.envelope.receipts.SumProof;
import dev.ctx.envelope.receipts.SumStatement;
import dev.ctx.keyservice.access.ParticipantDirectory;
import dev.ctx.keyservice.api.KeyServiceRoutes;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.byok.IssuedChallenge;
import dev.ctx.keyservice.byok.ParticipantHeldKeys;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.UnsealingCustodialKeys;
import dev.ctx.keyservice.store.AccessEventLog;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

/**
 * {@code POST /v1/receipts/proofs} over HTTP on the real store and broker, with step-up required: proofs from custodial
 * data verify with the envelope verifiers against the receipts' commitments, and every answer is one committed event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptProofsIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final String PATH = "/v1/receipts/proofs";
    private static final Instant DAY_1 = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-06-02T12:00:00Z");
    private static final Instant DAY_9 = Instant.parse("2026-06-09T12:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, LookupResult> view = new ConcurrentHashMap<>();
    private final List<ReceiptSample> sealed = new ArrayList<>();
    private ApiFixture api;
    private AccessEventLog log;
    private AccessEventCommitter committer;
    private Javalin app;
    private ReceiptSample first;
    private ReceiptSample second;
    private ReceiptSample minersOwn;

    @BeforeAll
    void start(@TempDir Path dir) {
        api = ApiFixture.start(dir, Clock.systemUTC());
        Recipient miner = custodial("miner-1");
        List<Recipient> both = List.of(custodial("client-1"), miner);
        first = add(ReceiptSample.seal("txn-r1", DAY_1, "100.50000000", both));
        second = add(ReceiptSample.seal("txn-r2", DAY_2, "24.00000001", both));
        minersOwn = add(ReceiptSample.seal("txn-r3", DAY_2, "7.00000000", List.of(miner)));
        add(ReceiptSample.seal("txn-late", DAY_9, "1.00000000", both));
        add(ReceiptSample.seal("txn-byok", DAY_1, "3.00000000", List.of(participantHeld("byok-1"))));
        view.put("txn-shredded", new LookupResult.Shredded("txn-shredded"));
        log = AccessEventLog.open(api.service.config, api.service.serde(AccessEvent.class));
        committer = AccessEventCommitter.start(
                1000, 100, Duration.ofMillis(2), log, api.components.metrics().registry());
        ReceiptProofService proofs = new ReceiptProofService(
                id -> view.getOrDefault(id, new LookupResult.Unknown(id)),
                (participant, from, to, limit) -> sealed.stream()
                        .filter(s -> s.encrypted.getParticipants().contains(participant))
                        .filter(s -> !s.timestamp.isBefore(from) && s.timestamp.isBefore(to))
                        .map(s -> s.transactionId)
                        .sorted(Comparator.naturalOrder())
                        .limit(limit)
                        .toList(),
                ParticipantDirectory.of(api.service.states),
                new UnsealingCustodialKeys(api.service.states, api.service.keys),
                committer,
                new AccessEvents("key-service/test", Clock.systemUTC()),
                new ReceiptProofSettings(true, Duration.ofSeconds(25), ReceiptProofSettings.MAX_TRANSACTIONS),
                new SecureRandom());
        app = Javalin.create(cfg -> {
                    KeyServiceRoutes.register(cfg, api.components.withReceiptProofs(proofs));
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
    void anHonestSumOverTwoTransactionsVerifiesAgainstTheReceiptsAndIsRecordedOnce() throws Exception {
        // Given
        String agent = agent();
        // When
        HttpResponse<String> response = postAs(
                "client-1",
                agent,
                "{\"kind\": \"sum\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r1\", \"txn-r2\"]}");
        // Then: the proof verifies for the commitments the receipts hold, with the true total
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        BigInteger total = first.opening.value().add(second.opening.value());
        assertThat(answer.get("total").asText()).isEqualTo(total.toString()).isEqualTo("12450000001");
        assertThat(commitments(answer)).containsExactly(first.commitment, second.commitment);
        SumStatement statement = new SumStatement(
                "client-1",
                List.of(
                        new SumStatement.Entry("txn-r1", first.commitment),
                        new SumStatement.Entry("txn-r2", second.commitment)),
                total);
        assertThat(SumProof.parse(proof(answer)).verify(statement)).isTrue();
        assertThat(answer.get("proofDigest").asText()).isEqualTo(sha256(proof(answer)));
        // And: exactly one RECEIPT_PROOF_GENERATED event names it
        assertThat(events(agent)).singleElement().satisfies(e -> {
            assertThat(e.getEventId()).isEqualTo(answer.get("eventId").asText());
            assertThat(e.getType()).isEqualTo(AccessEventType.RECEIPT_PROOF_GENERATED);
            assertThat(e.getOutcome()).isEqualTo(AccessOutcome.SUCCESS);
            assertThat(e.getSubject()).isEqualTo("client-1");
            assertThat(e.getDataAccessed()).containsExactly("amount", "receiptBlinding");
            assertThat(e.getAttributes())
                    .containsEntry("kind", "sum")
                    .containsEntry("transactionCount", "2")
                    .containsEntry("participant", "client-1")
                    .containsEntry("requester", "client-1")
                    .containsEntry("proofDigest", sha256(proof(answer)));
        });
        assertThat(eventsWithKeyOpens(agent))
                .as("both transactions are wrapped under client-1 v1: one unseal")
                .filteredOn(e -> e.getType() == AccessEventType.KEY_OPENED)
                .singleElement()
                .satisfies(e -> assertThat(e.getDataAccessed()).containsExactly("key:client-1/v1"));
        assertThat(response.body()).doesNotContain("100.5", "DE89");
    }

    @Test
    void aTimeRangeNamesTheParticipantsOwnTransactionsAndAMatchingStatedTotalIsProven() throws Exception {
        // Given: txn-r3 (miner-1 only) and txn-late (outside the range) are not client-1's in [DAY_1, DAY_9)
        BigInteger total = first.opening.value().add(second.opening.value());
        // When
        HttpResponse<String> response = postAs(
                "client-1",
                agent(),
                "{\"kind\": \"sum\", \"participant\": \"client-1\", \"from\": \"" + DAY_1 + "\", \"to\": \"" + DAY_9
                        + "\", \"statedTotal\": \"" + total + "\"}");
        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("transactions").findValuesAsText("transactionId")).containsExactly("txn-r1", "txn-r2");
        assertThat(SumProof.parse(proof(answer))
                        .verify(new SumStatement(
                                "client-1",
                                List.of(
                                        new SumStatement.Entry("txn-r1", first.commitment),
                                        new SumStatement.Entry("txn-r2", second.commitment)),
                                total)))
                .isTrue();
    }

    @Test
    void aReplayedRequestGeneratesAnotherProofAndAnotherEvent() throws Exception {
        // Given
        String agent = agent();
        String body = "{\"kind\": \"sum\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r1\"]}";
        // When
        JsonNode once = json.readTree(postAs("client-1", agent, body).body());
        JsonNode again = json.readTree(postAs("client-1", agent, body).body());
        // Then
        assertThat(again.get("eventId").asText())
                .isNotEqualTo(once.get("eventId").asText());
        assertThat(again.get("proof").asText()).isNotEqualTo(once.get("proof").asText());
        assertThat(events(agent))
                .extracting(AccessEvent::getType)
                .containsOnly(AccessEventType.RECEIPT_PROOF_GENERATED)
                .hasSize(2);
    }

    @Test
    void aWrongStatedTotalIs422WithNoProofAndOneDeniedEvent() throws Exception {
        // Given
        String agent = agent();
        BigInteger wrong = first.opening.value().add(second.opening.value()).add(BigInteger.ONE);
        // When
        HttpResponse<String> response = postAs(
                "client-1",
                agent,
                "{\"kind\": \"sum\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r1\", \"txn-r2\"],"
                        + " \"statedTotal\": \"" + wrong + "\"}");
        // Then
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(reason(response)).isEqualTo("STATED_TOTAL_MISMATCH");
        assertThat(json.readTree(response.body()).has("proof")).isFalse();
        assertDeniedOnce(agent, "STATED_TOTAL_MISMATCH");
    }

    @Test
    void aCallerThatIsNotTheParticipantGets403AndOneDeniedEvent() throws Exception {
        // Given
        String agent = agent();
        String body = "{\"kind\": \"sum\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r1\"]}";
        // When
        HttpResponse<String> outsider = postAs("miner-1", agent, body);
        HttpResponse<String> auditor = post(token("auditor-1", "auditor", List.of("mfa")), agent, body);
        // Then
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(reason(outsider)).isEqualTo("NOT_A_PARTICIPANT");
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(reason(auditor)).isEqualTo("NOT_A_PARTICIPANT");
        assertThat(events(agent)).hasSize(2).allSatisfy(e -> {
            assertThat(e.getType()).isEqualTo(AccessEventType.ACCESS_DENIED);
            assertThat(e.getPurpose()).isEqualTo(ReceiptProofService.PURPOSE);
        });
    }

    @Test
    void aTransactionThatDoesNotListTheParticipantIs403() throws Exception {
        // Given
        String agent = agent();
        // When
        HttpResponse<String> response = postAs(
                "client-1",
                agent,
                "{\"kind\": \"opening\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r3\"]}");
        // Then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(reason(response)).isEqualTo("NOT_A_PARTICIPANT");
        assertThat(response.body()).doesNotContain("700000000");
        assertThat(assertDeniedOnce(agent, "NOT_A_PARTICIPANT").getTransactionId())
                .isEqualTo("txn-r3");
    }

    @Test
    void aShreddedTransactionIs410AndAnUnknownOne404() throws Exception {
        // Given
        String agent = agent();
        // When
        HttpResponse<String> shredded = postAs(
                "client-1",
                agent,
                "{\"kind\": \"sum\", \"participant\": \"client-1\","
                        + " \"transactionIds\": [\"txn-r1\", \"txn-shredded\"]}");
        HttpResponse<String> unknown = postAs(
                "client-1",
                agent,
                "{\"kind\": \"range\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-none\"]}");
        // Then
        assertThat(shredded.statusCode()).isEqualTo(410);
        assertThat(reason(shredded)).isEqualTo("SHREDDED");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(reason(unknown)).isEqualTo("UNKNOWN_TRANSACTION");
        assertThat(events(agent))
                .extracting(AccessEvent::getType)
                .containsExactly(AccessEventType.ACCESS_DENIED, AccessEventType.ACCESS_DENIED);
    }

    @Test
    void aParticipantHeldKeyIs409TheServiceCannotOpenIt() throws Exception {
        // When
        HttpResponse<String> response = postAs(
                "byok-1",
                agent(),
                "{\"kind\": \"opening\", \"participant\": \"byok-1\", \"transactionIds\": [\"txn-byok\"]}");
        // Then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(reason(response)).isEqualTo("PARTICIPANT_HELD_KEY");
    }

    @Test
    void moreThanAThousandTransactionsIs400TooMany() throws Exception {
        // Given
        String ids = String.join(
                ",",
                IntStream.rangeClosed(0, 1000).mapToObj(i -> "\"t-" + i + "\"").toList());
        String agent = agent();
        // When
        HttpResponse<String> response = postAs(
                "client-1",
                agent,
                "{\"kind\": \"sum\", \"participant\": \"client-1\", \"transactionIds\": [" + ids + "]}");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(reason(response)).isEqualTo("TOO_MANY_TRANSACTIONS");
        assertDeniedOnce(agent, "TOO_MANY_TRANSACTIONS");
    }

    @Test
    void aMalformedBodyIs400MalformedRequestWithOneDeniedEvent() throws Exception {
        // Given
        String agent = agent();
        // When
        HttpResponse<String> response = postAs(
                "client-1",
                agent,
                "{\"kind\": \"range\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r1\", \"txn-r2\"]}");
        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(reason(response)).isEqualTo("MALFORMED_REQUEST");
        assertDeniedOnce(agent, "MALFORMED_REQUEST");
    }

    @Test
    void rangeAndOpeningProofsOfOneTransactionVerifyAgainstItsReceipt() throws Exception {
        // When
        JsonNode range = json.readTree(postAs(
                        "miner-1",
                        agent(),
                        "{\"kind\": \"range\", \"participant\": \"miner-1\", \"transactionIds\": [\"txn-r3\"]}")
                .body());
        JsonNode opening = json.readTree(postAs(
                        "miner-1",
                        agent(),
                        "{\"kind\": \"opening\", \"participant\": \"miner-1\", \"transactionIds\": [\"txn-r3\"]}")
                .body());
        // Then
        assertThat(RangeProof.parse(proof(range)).verify("txn-r3", minersOwn.commitment))
                .isTrue();
        assertThat(OpeningProof.parse(proof(opening)).verify("txn-r3", minersOwn.commitment))
                .isTrue();
        assertThat(RangeProof.parse(proof(range)).verify("txn-r1", first.commitment))
                .isFalse();
        assertThat(range.get("total").isNull()).isTrue();
    }

    @Test
    void withoutASecondFactorTheAnswerIs401StepUpRequired() throws Exception {
        // When
        HttpResponse<String> response = post(
                token("client-1", "participant", List.of("pwd")),
                agent(),
                "{\"kind\": \"sum\", \"participant\": \"client-1\", \"transactionIds\": [\"txn-r1\"]}");
        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(reason(response)).isEqualTo("STEP_UP_REQUIRED");
    }

    @Test
    void theRouteIsInTheOpenApiDocumentAndServedOnlyWithTheService() {
        // Given
        String document = KeyServiceRoutes.openApiDocument();
        // When
        int at = document.indexOf("\"" + PATH + "\": {");
        // Then
        assertThat(at).isPositive();
        assertThat(KeyServiceRoutes.describeRoutes(api.components)).doesNotContain("POST " + PATH);
    }

    private AccessEvent assertDeniedOnce(String agent, String reason) {
        List<AccessEvent> events = events(agent);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(AccessEventType.ACCESS_DENIED);
            assertThat(e.getOutcome()).isEqualTo(AccessOutcome.DENIED);
            assertThat(e.getPurpose()).isEqualTo(ReceiptProofService.PURPOSE);
            assertThat(e.getReason()).startsWith(reason + ": ");
        });
        return events.get(0);
    }

    /** The committed decision events of the requests sent with User-Agent {@code agent} (not the key opens). */
    private List<AccessEvent> events(String agent) {
        return eventsWithKeyOpens(agent).stream()
                .filter(e -> e.getType() != AccessEventType.KEY_OPENED)
                .toList();
    }

    private List<AccessEvent> eventsWithKeyOpens(String agent) {
        return AccessLog.read(api.service).stream()
                .filter(e -> agent.equals(e.getUserAgent()))
                .toList();
    }

    private static String agent() {
        return "ctx-test-" + UUID.randomUUID();
    }

    private ReceiptSample add(ReceiptSample sample) {
        sealed.add(sample);
        view.put(sample.transactionId, new LookupResult.Found(sample.encrypted, sample.envelope));
        return sample;
    }

    private List<Commitment> commitments(JsonNode answer) {
        List<Commitment> commitments = new ArrayList<>();
        answer.get("transactions")
                .forEach(t -> commitments.add(Commitment.parse(
                        Base64.getDecoder().decode(t.get("commitment").asText()))));
        return commitments;
    }

    private static byte[] proof(JsonNode answer) {
        return Base64.getDecoder().decode(answer.get("proof").asText());
    }

    private String reason(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("reason").asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Recipient custodial(String id) {
        ParticipantId participant = ParticipantId.parse(id);
        api.service.registry.register(OPERATOR, participant, ParticipantRole.MINER, KycStatus.VERIFIED, List.of());
        return new Recipient(
                id, 1, api.service.keys.createKey(OPERATOR, participant).publicKey());
    }

    /** A custodial v1, then a proven participant-held v2, which the transaction is sealed for. */
    private Recipient participantHeld(String id) {
        ParticipantId participant = ParticipantId.parse(id);
        api.service.registry.register(OPERATOR, participant, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
        api.service.keys.createKey(OPERATOR, participant);
        ParticipantHeldKeys byok = new ParticipantHeldKeys(
                api.service.keys,
                new AccessEvents("key-service/test", Clock.systemUTC()),
                event -> {},
                Clock.systemUTC(),
                Duration.ofMinutes(5));
        X25519KeyPair own = X25519KeyPair.generate();
        IssuedChallenge challenge =
                byok.challenge(OPERATOR, participant, own.publicKey().bytes());
        byte[] answer = HpkeChallenge.open(
                own.privateKey(), challenge.enc(), challenge.ciphertext(), challenge.info(), challenge.aad());
        byok.prove(OPERATOR, participant, challenge.keyVersion(), challenge.challengeId(), answer);
        return new Recipient(id, challenge.keyVersion(), own.publicKey());
    }

    private HttpResponse<String> postAs(String participant, String agent, String body) throws Exception {
        return post(token(participant, "participant", List.of("pwd", "mfa")), agent, body);
    }

    private HttpResponse<String> post(String token, String agent, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + PATH))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", agent)
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
