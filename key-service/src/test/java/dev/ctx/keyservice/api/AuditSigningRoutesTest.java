package dev.ctx.keyservice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.auditlog.AuditCheckpointNotary;
import dev.ctx.keyservice.auditlog.AuditSigningKeys;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * The audit signer's routes over real HTTP on the in-memory lifecycle fixture (real custody under a PKCS#12 master KEK,
 * real Ed25519, the real group committer writing into a list; no Kafka).
 */
class AuditSigningRoutesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ZERO = "00".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static LifecycleFixture core;
    static AccessEventCommitter committer;
    static Javalin app;
    static final List<AccessEvent> COMMITTED = new CopyOnWriteArrayList<>();
    static final List<AccessEvent> DENIALS = new CopyOnWriteArrayList<>();
    static volatile boolean failCommits;

    @BeforeAll
    static void start() {
        Clock clock = Clock.systemUTC();
        core = LifecycleFixture.start(dir, clock);
        committer = AccessEventCommitter.start(
                100,
                10,
                Duration.ZERO,
                batch -> {
                    if (failCommits) {
                        throw new IllegalStateException("broker away");
                    }
                    COMMITTED.addAll(batch);
                },
                new SimpleMeterRegistry());
        AccessEvents events = new AccessEvents("key-service/test", clock);
        AuditSigningKeys keys = AuditSigningKeys.open(core.store, core.custodian(), new SecureRandom(), clock)
                .keys();
        KeyServiceComponents components = new KeyServiceComponents(
                        core.registry,
                        core.keys,
                        new MaxAgeRotation(core.states, core.keys, Duration.ofDays(90), clock),
                        Authenticator.firstOf(List.of(
                                JwtAuthenticator.hs256(ApiFixture.SECRET, ApiFixture.ISSUER, ApiFixture.AUDIENCE))),
                        events,
                        DENIALS::add,
                        new FailedAuthenticationLimiter(1_000_000, Duration.ofMinutes(1), 1_000, clock),
                        HttpMetrics.create(),
                        () -> true,
                        () -> true,
                        16 * 1024,
                        Ed25519SigningKey.generate(new SecureRandom()).verifyingKey())
                .withAuditCheckpoints(new AuditCheckpointNotary(keys, committer, events, clock, Duration.ofSeconds(5)));
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
        committer.close();
        core.close();
    }

    @Test
    void theSealerGetsASignedCheckpointThatVerifiesUnderThePublishedKeyAndItsEventIsCommitted() throws IOException {
        // Given
        String head = random();
        String root = random();

        // When
        HttpResponse<String> response =
                call("POST", AuditSigningRoutes.CHECKPOINTS_PATH, operator(), draft(1, 0, 0, 9, head, root, ZERO));

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode signed = JSON.readTree(response.body());
        assertThat(signed.get("partition").asInt()).isZero();
        assertThat(signed.get("lastSequence").asLong()).isEqualTo(9);
        assertThat(signed.get("headHash").asText()).isEqualTo(head);
        assertThat(signed.get("merkleRoot").asText()).isEqualTo(root);
        AccessLogCheckpoint checkpoint = checkpoint(signed);
        assertThat(publishedKey(checkpoint.getSigningKeyId(), "CURRENT")
                        .verify(CheckpointSigningInput.bytes(checkpoint), signatureOf(signed)))
                .isTrue();
        assertThat(COMMITTED)
                .anyMatch(e -> e.getType() == AccessEventType.AUDIT_CHECKPOINT_SIGNED
                        && "operator-1".equals(e.getRequester())
                        && "0".equals(e.getAttributes().get("partition"))
                        && "9".equals(e.getAttributes().get("lastSequence")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"formatVersion\":2,\"partition\":1,\"firstSequence\":0,\"lastSequence\":1,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"Z\"}",
                "{\"formatVersion\":1,\"partition\":1,\"firstSequence\":5,\"lastSequence\":4,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"H\"}",
                "{\"formatVersion\":1,\"partition\":-1,\"firstSequence\":0,\"lastSequence\":1,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"Z\"}",
                "{\"formatVersion\":1,\"partition\":1,\"firstSequence\":0,\"lastSequence\":1,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"H\"}",
                "{\"formatVersion\":1,\"partition\":1,\"firstSequence\":3,\"lastSequence\":4,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"Z\"}",
                "{\"formatVersion\":1,\"partition\":1,\"firstSequence\":0,\"lastSequence\":1,"
                        + "\"headHash\":\"abcd\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"Z\"}",
                "{\"formatVersion\":1,\"partition\":1,\"firstSequence\":0,\"lastSequence\":1,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"Z\","
                        + "\"signature\":\"AA==\"}",
                "{\"formatVersion\":1,\"partition\":1,\"lastSequence\":1,"
                        + "\"headHash\":\"H\",\"merkleRoot\":\"H\",\"previousCheckpoint\":\"Z\"}",
                "not json"
            })
    void aMalformedCheckpointIsRefusedWithAProblemAndNothingIsSigned(String template) {
        // Given
        String body = template.replace("\"H\"", "\"" + random() + "\"").replace("\"Z\"", "\"" + ZERO + "\"");
        int before = COMMITTED.size();

        // When
        HttpResponse<String> response = call("POST", AuditSigningRoutes.CHECKPOINTS_PATH, operator(), body);

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("signature\":\"");
        assertThat(COMMITTED).hasSize(before);
    }

    @Test
    void aCheckpointOlderThanTheNewestSignedOneOfItsPartitionIsRefusedButTheSameRangeMayBeAskedAgain() {
        // Given: partition 5 has 0..4 and 5..9 signed
        assertThat(call(
                                "POST",
                                AuditSigningRoutes.CHECKPOINTS_PATH,
                                operator(),
                                draft(1, 5, 0, 4, random(), random(), ZERO))
                        .statusCode())
                .isEqualTo(200);
        assertThat(call(
                                "POST",
                                AuditSigningRoutes.CHECKPOINTS_PATH,
                                operator(),
                                draft(1, 5, 5, 9, random(), random(), random()))
                        .statusCode())
                .isEqualTo(200);

        // When
        HttpResponse<String> backwards = call(
                "POST", AuditSigningRoutes.CHECKPOINTS_PATH, operator(), draft(1, 5, 0, 12, random(), random(), ZERO));
        HttpResponse<String> again = call(
                "POST",
                AuditSigningRoutes.CHECKPOINTS_PATH,
                operator(),
                draft(1, 5, 5, 11, random(), random(), random()));

        // Then
        assertThat(backwards.statusCode()).as(backwards.body()).isEqualTo(409);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"alice, participant, 403", "officer-1, compliance, 403", "nobody, none, 401"})
    void onlyAnOperatorMayHaveACheckpointSignedOrRotateTheKey(String subject, String role, int status) {
        // Given
        String token = "none".equals(role) ? "not-a-token" : ApiFixture.token(subject, role);

        // When
        HttpResponse<String> sign =
                call("POST", AuditSigningRoutes.CHECKPOINTS_PATH, token, draft(1, 9, 0, 1, random(), random(), ZERO));
        HttpResponse<String> rotate = call("POST", AuditSigningRoutes.ROTATE_PATH, token, null);

        // Then
        assertThat(sign.statusCode()).isEqualTo(status);
        assertThat(rotate.statusCode()).isEqualTo(status);
        assertThat(sign.body()).doesNotContain("signature\":\"");
    }

    @Test
    void theSigningKeysArePublicAndTheCurrentOneIsListed() throws IOException {
        // When
        HttpResponse<String> response = call("GET", AuditSigningRoutes.KEYS_PATH, null, null);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = JSON.readTree(response.body()).get("keys");
        assertThat(keys).isNotEmpty();
        JsonNode last = keys.get(keys.size() - 1);
        assertThat(last.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(last.get("status").asText()).isEqualTo("CURRENT");
        assertThat(Base64.getDecoder().decode(last.get("publicKey").asText())).hasSize(32);
        assertThat(Instant.parse(last.get("createdAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void afterARotationOldCheckpointsStillVerifyUnderTheRetiredKeyAndTheKeysSurviveARestart() throws IOException {
        // Given
        HttpResponse<String> before = call(
                "POST", AuditSigningRoutes.CHECKPOINTS_PATH, operator(), draft(1, 11, 0, 3, random(), random(), ZERO));
        JsonNode old = JSON.readTree(before.body());

        // When
        HttpResponse<String> rotated = call("POST", AuditSigningRoutes.ROTATE_PATH, operator(), null);
        HttpResponse<String> after = call(
                "POST",
                AuditSigningRoutes.CHECKPOINTS_PATH,
                operator(),
                draft(1, 11, 4, 7, random(), random(), random()));

        // Then
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        JsonNode next = JSON.readTree(after.body());
        assertThat(next.get("signingKeyId").asText())
                .isNotEqualTo(old.get("signingKeyId").asText());
        Ed25519VerifyingKey retired = publishedKey(old.get("signingKeyId").asText(), "RETIRED");
        assertThat(retired.verify(CheckpointSigningInput.bytes(checkpoint(old)), signatureOf(old)))
                .isTrue();
        assertThat(publishedKey(next.get("signingKeyId").asText(), "CURRENT")
                        .verify(CheckpointSigningInput.bytes(checkpoint(next)), signatureOf(next)))
                .isTrue();
        assertThat(COMMITTED)
                .anyMatch(e -> e.getType() == AccessEventType.AUDIT_SIGNING_KEY_ROTATED
                        && next.get("signingKeyId")
                                .asText()
                                .equals(e.getAttributes().get("keyId")));
        List<String> reopened = new ArrayList<>();
        AuditSigningKeys.open(core.store, core.custodian(), new SecureRandom(), Clock.systemUTC())
                .keys()
                .published()
                .forEach(k -> reopened.add(k.keyId() + "/" + k.createdAt() + "/" + k.current()));
        List<String> served = new ArrayList<>();
        JSON.readTree(call("GET", AuditSigningRoutes.KEYS_PATH, null, null).body())
                .get("keys")
                .forEach(k -> served.add(
                        k.get("keyId").asText() + "/" + k.get("createdAt").asText() + "/"
                                + "CURRENT".equals(k.get("status").asText())));
        assertThat(reopened).isEqualTo(served);
    }

    @Test
    void aCheckpointWhoseEventCannotBeCommittedIsNotSigned() {
        // Given
        failCommits = true;
        try {
            // When
            HttpResponse<String> response = call(
                    "POST",
                    AuditSigningRoutes.CHECKPOINTS_PATH,
                    operator(),
                    draft(1, 13, 0, 1, random(), random(), ZERO));

            // Then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("audit-unavailable").doesNotContain("signature\":\"");
        } finally {
            failCommits = false;
        }
    }

    private static Ed25519VerifyingKey publishedKey(String keyId, String status) {
        try {
            for (JsonNode key : JSON.readTree(call("GET", AuditSigningRoutes.KEYS_PATH, null, null)
                            .body())
                    .get("keys")) {
                if (key.get("keyId").asText().equals(keyId)) {
                    assertThat(key.get("status").asText()).isEqualTo(status);
                    return Ed25519VerifyingKey.of(
                            Base64.getDecoder().decode(key.get("publicKey").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("key " + keyId + " is not published");
    }

    private static AccessLogCheckpoint checkpoint(JsonNode signed) {
        return AccessLogCheckpoint.newBuilder()
                .setFormatVersion(signed.get("formatVersion").asInt())
                .setPartition(signed.get("partition").asInt())
                .setFirstSequence(signed.get("firstSequence").asLong())
                .setLastSequence(signed.get("lastSequence").asLong())
                .setHeadHash(new Sha256(HEX.parseHex(signed.get("headHash").asText())))
                .setMerkleRoot(new Sha256(HEX.parseHex(signed.get("merkleRoot").asText())))
                .setPreviousCheckpoint(
                        new Sha256(HEX.parseHex(signed.get("previousCheckpoint").asText())))
                .setSignedAt(Instant.parse(signed.get("signedAt").asText()))
                .setSigningKeyId(signed.get("signingKeyId").asText())
                .setSignature(ByteBuffer.wrap(signatureOf(signed)))
                .build();
    }

    private static byte[] signatureOf(JsonNode signed) {
        return Base64.getDecoder().decode(signed.get("signature").asText());
    }

    private static String draft(
            int version, int partition, long first, long last, String head, String root, String previous) {
        return "{\"formatVersion\":" + version + ",\"partition\":" + partition + ",\"firstSequence\":" + first
                + ",\"lastSequence\":" + last + ",\"headHash\":\"" + head + "\",\"merkleRoot\":\"" + root
                + "\",\"previousCheckpoint\":\"" + previous + "\"}";
    }

    private static String random() {
        byte[] hash = new byte[32];
        new SecureRandom().nextBytes(hash);
        return HEX.formatHex(hash);
    }

    private static String operator() {
        return ApiFixture.token("operator-1", "operator");
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
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
