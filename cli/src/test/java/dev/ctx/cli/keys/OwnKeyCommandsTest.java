package dev.ctx.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.access.AccessExitCodes;
import dev.ctx.cli.access.LoopbackKeyService;
import dev.ctx.cli.access.LoopbackKeyService.Reply;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.envelope.key.X25519PublicKey;

/** {@code ctx keys generate} and {@code ctx keys register-own} (BYOK), the latter against a loopback challenger. */
class OwnKeyCommandsTest {

    private static final HPKE BC_HPKE =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEYS = "/v1/participants/miner-1/keys";
    private static final String PROOF = "/v1/participants/miner-1/keys/3/proof";

    private final LoopbackKeyService service = LoopbackKeyService.start();
    private final byte[] challenge = new byte[32];
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void generateWritesAnOwnerOnlyUnregisteredKeyFile() throws IOException {
        // Given
        Path file = dir.resolve("miner-1.key");

        // When
        int exit = run("keys", "generate", "--out", file.toString(), "--participant", "miner-1");

        // Then
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        ParticipantKeyFile key = ParticipantKeyFile.read(file);
        assertThat(key.participantId()).isEqualTo("miner-1");
        assertThat(key.keyVersion()).isEmpty();
        assertThat(out.toString())
                .contains("public key "
                        + Base64.getEncoder().encodeToString(key.publicKey().bytes()));
    }

    @Test
    void generateRefusesToOverwriteAKey() throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("miner-1.key"), "existing");

        // When
        int exit = run("keys", "generate", "--out", file.toString(), "--participant", "miner-1");

        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("already exists");
        assertThat(Files.readString(file)).isEqualTo("existing");
    }

    @Test
    void registerOwnProvesPossessionAndRecordsTheVersionInTheFile() throws IOException {
        // Given: a challenger that seals a random challenge to the submitted key and checks the answer
        Path file = generated();
        new SecureRandom().nextBytes(challenge);
        service.on("POST", KEYS, 202, this::sealChallenge);
        service.reply(
                "POST",
                PROOF,
                request -> Arrays.equals(answer(request), challenge)
                        ? new Reply(200, "{}")
                        : Reply.problem(403, "PROOF_FAILED"));

        // When
        int exit = registerOwn(file);

        // Then
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("miner-1 now uses its own key v3");
        assertThat(ParticipantKeyFile.read(file).keyVersion()).hasValue(3);
    }

    @Test
    void refusedProofExitsDeniedAndLeavesTheFileUnregistered() throws IOException {
        // Given
        Path file = generated();
        service.on("POST", KEYS, 202, this::sealChallenge);
        service.problem("POST", PROOF, 403, "PROOF_FAILED");

        // When
        int exit = registerOwn(file);

        // Then
        assertThat(exit).isEqualTo(AccessExitCodes.DENIED);
        assertThat(err.toString()).contains("PROOF_FAILED");
        assertThat(ParticipantKeyFile.read(file).keyVersion()).isEmpty();
    }

    @Test
    void expiredChallengeExitsGone() throws IOException {
        // Given
        Path file = generated();
        service.on("POST", KEYS, 202, this::sealChallenge);
        service.problem("POST", PROOF, 410, "CHALLENGE_EXPIRED");

        // When
        int exit = registerOwn(file);

        // Then
        assertThat(exit).isEqualTo(AccessExitCodes.GONE);
        assertThat(err.toString()).contains("CHALLENGE_EXPIRED");
    }

    @Test
    void keyFileOfAnotherParticipantIsRefusedBeforeAnyCall() throws IOException {
        // Given
        Path file = generated();

        // When
        int exit = run(
                "keys",
                "register-own",
                "client-9",
                "--key-file",
                file.toString(),
                "--url",
                service.url(),
                "--token-file",
                token().toString());

        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("holds the key of miner-1, not client-9");
    }

    private Path generated() {
        Path file = dir.resolve("miner-1.key");
        ParticipantKeyFile.generate(file, "miner-1").destroy();
        return file;
    }

    private int registerOwn(Path file) throws IOException {
        return run(
                "keys",
                "register-own",
                "miner-1",
                "--key-file",
                file.toString(),
                "--url",
                service.url(),
                "--token-file",
                token().toString());
    }

    private Path token() throws IOException {
        return Files.writeString(dir.resolve("miner-1.jwt"), "jwt-of-miner-1");
    }

    private String sealChallenge(String request) {
        X25519PublicKey submitted = X25519PublicKey.of(
                Base64.getDecoder().decode(read(request).path("publicKey").asText()));
        byte[] info = "ctx-key-possession/v1".getBytes(StandardCharsets.US_ASCII);
        byte[] aad = "challenge-1".getBytes(StandardCharsets.US_ASCII);
        byte[][] sealed = sealWithBouncyCastle(submitted, info, aad, challenge);
        Base64.Encoder base64 = Base64.getEncoder();
        return "{\"challengeId\":\"challenge-1\",\"keyVersion\":3,\"enc\":\"" + base64.encodeToString(sealed[1])
                + "\",\"ciphertext\":\"" + base64.encodeToString(sealed[0]) + "\",\"info\":\""
                + base64.encodeToString(info) + "\",\"aad\":\"" + base64.encodeToString(aad)
                + "\",\"expiresAt\":\"2026-12-01T10:00:00Z\"}";
    }

    private static byte[] answer(String request) {
        return Base64.getDecoder().decode(read(request).path("answer").asText());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int run(String... args) {
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
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
