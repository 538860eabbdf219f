package dev.ctx.client.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.client.access.AccessClient;
import dev.ctx.client.access.KeyChallenge;
import dev.ctx.client.access.error.ProofFailedException;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.testing.ContractServer;
import dev.ctx.client.testing.ContractServer.Answer;
import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;

/** The participant's side of the proof of possession, against a loopback server that seals a real challenge. */
class ProofOfPossessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HPKE BC_HPKE =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    private static final byte[] INFO = "ctx-key-possession/v1 miner-1 2".getBytes(StandardCharsets.US_ASCII);

    private final ContractServer server = ContractServer.start();
    private final AccessClient client =
            AccessClient.builder(server.baseUrl()).token("jwt-of-miner-1").build();
    private final byte[] challenge = new byte[32];

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registrationOpensTheChallengeAndReturnsItToTheService() {
        // Given: a challenger that seals a random challenge to whatever public key it is sent
        ParticipantKeyFile keyFile = ParticipantKeyFile.generate(dir.resolve("miner-1.key"), "miner-1");
        new SecureRandom().nextBytes(challenge);
        server.on("POST", "/v1/participants/miner-1/keys", request -> sealChallengeTo(request.body(), INFO));
        server.on(
                "POST",
                "/v1/participants/miner-1/keys/2/proof",
                request -> Arrays.equals(answer(request.body()), challenge)
                        ? Answer.json(200, "{}")
                        : Answer.problem(403, "PROOF_FAILED", "Wrong answer"));

        // When
        int version = ProofOfPossession.register(client, keyFile);

        // Then
        assertThat(version).isEqualTo(2);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void serviceRefusingTheAnswerIsAProofFailure() {
        // Given
        ParticipantKeyFile keyFile = ParticipantKeyFile.generate(dir.resolve("miner-1.key"), "miner-1");
        server.on("POST", "/v1/participants/miner-1/keys", request -> sealChallengeTo(request.body(), INFO));
        server.on("POST", "/v1/participants/miner-1/keys/2/proof", Answer.problem(403, "PROOF_FAILED", "Wrong"));

        // When / Then
        assertThatThrownBy(() -> ProofOfPossession.register(client, keyFile)).isInstanceOf(ProofFailedException.class);
    }

    @Test
    void challengeSealedToAnotherKeyFailsAuthentication() {
        // Given
        X25519KeyPair other = X25519KeyPair.generate();
        KeyChallenge sealedToOther = challenge(other.publicKey(), INFO, new byte[32]);

        // When / Then
        assertThatThrownBy(() -> ProofOfPossession.open(
                        sealedToOther, X25519KeyPair.generate().privateKey()))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ctx-wrap", "ctx-epoch"})
    void challengeThatCouldBeADekWrapIsNotOpened(String label) {
        // Given: what a DEK wrap's HPKE info starts with (docs/envelope-format.md)
        X25519KeyPair key = X25519KeyPair.generate();
        byte[] info = (label + "\u0002txn-1").getBytes(StandardCharsets.US_ASCII);
        KeyChallenge disguisedWrap = challenge(key.publicKey(), info, new byte[32]);

        // When / Then
        assertThatThrownBy(() -> ProofOfPossession.open(disguisedWrap, key.privateKey()))
                .isInstanceOf(ChallengeRefusedException.class)
                .hasMessageContaining("DEK wrap");
    }

    @Test
    void challengeOfAnotherLengthIsNotReturned() {
        // Given
        X25519KeyPair key = X25519KeyPair.generate();
        KeyChallenge longer = challenge(key.publicKey(), INFO, new byte[48]);

        // When / Then
        assertThatThrownBy(() -> ProofOfPossession.open(longer, key.privateKey()))
                .isInstanceOf(ChallengeRefusedException.class)
                .hasMessageContaining("48 bytes");
    }

    private Answer sealChallengeTo(String requestBody, byte[] info) {
        X25519PublicKey submitted = X25519PublicKey.of(
                Base64.getDecoder().decode(read(requestBody).path("publicKey").asText()));
        KeyChallenge sealed = challenge(submitted, info, challenge);
        return Answer.json(
                202,
                "{\"challengeId\":\"c-1\",\"keyVersion\":2,\"enc\":\"" + base64(sealed.enc())
                        + "\",\"ciphertext\":\"" + base64(sealed.ciphertext()) + "\",\"info\":\"" + base64(info)
                        + "\",\"aad\":\"" + base64(sealed.aad()) + "\",\"expiresAt\":\"2026-12-01T10:00:00Z\"}");
    }

    private static KeyChallenge challenge(X25519PublicKey to, byte[] info, byte[] plaintext) {
        byte[] aad = "c-1".getBytes(StandardCharsets.US_ASCII);
        byte[][] sealed = sealWithBouncyCastle(to, info, aad, plaintext);
        return new KeyChallenge("c-1", 2, sealed[1], sealed[0], info, aad, Instant.parse("2026-12-01T10:00:00Z"));
    }

    private static byte[] answer(String requestBody) {
        return Base64.getDecoder().decode(read(requestBody).path("answer").asText());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Seals with BouncyCastle's HPKE (an implementation independent of ours); returns {ciphertext, enc}. */
    private static byte[][] sealWithBouncyCastle(X25519PublicKey to, byte[] info, byte[] aad, byte[] plaintext) {
        try {
            return BC_HPKE.seal(BC_HPKE.deserializePublicKey(to.bytes()), info, aad, plaintext, null, null, null);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
    }
}
