package dev.ctx.envelope.internal.hpke;

import static dev.ctx.envelope.testing.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.envelope.internal.AesGcm;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.testing.Vectors;

/** RFC 9180 Appendix A.1 (base mode, AES-128-GCM): key pairs, key schedule, nonces and every ciphertext. */
class Rfc9180VectorTest {

    private static final JsonNode VECTOR =
            Vectors.load("hpke-rfc9180-a1-base.json").get("vector");
    private static final HpkeSuite SUITE = HpkeSuite.X25519_SHA256_AES128GCM;

    @Test
    void vectorIsTheSuiteWeImplement() {
        assertThat(VECTOR.get("mode").asInt()).isZero();
        assertThat(VECTOR.get("kem_id").asInt()).isEqualTo(HpkeSuite.KEM_ID);
        assertThat(VECTOR.get("kdf_id").asInt()).isEqualTo(HpkeSuite.KDF_ID);
        assertThat(VECTOR.get("aead_id").asInt()).isEqualTo(SUITE.aeadId());
    }

    @Test
    void deriveKeyPairReproducesBothKeyPairs() {
        // Given / When
        X25519KeyPair ephemeral = Hpke.deriveKeyPair(hex(VECTOR, "ikmE"));
        X25519KeyPair recipient = Hpke.deriveKeyPair(hex(VECTOR, "ikmR"));
        // Then
        assertThat(ephemeral.privateKey().exposeSecretBytesForCustodySealing()).isEqualTo(hex(VECTOR, "skEm"));
        assertThat(ephemeral.publicKey().bytes()).isEqualTo(hex(VECTOR, "pkEm"));
        assertThat(recipient.privateKey().exposeSecretBytesForCustodySealing()).isEqualTo(hex(VECTOR, "skRm"));
        assertThat(recipient.publicKey().bytes()).isEqualTo(hex(VECTOR, "pkRm"));
    }

    @Test
    void keyScheduleMatchesEveryIntermediateValue() {
        // Given
        X25519PrivateKey skR = X25519PrivateKey.takeCopyOf(hex(VECTOR, "skRm"));
        byte[] dh = new byte[32];
        skR.agreeWith(hex(VECTOR, "enc"), 0, dh, 0);
        byte[] kemContext = concat(hex(VECTOR, "enc"), hex(VECTOR, "pkRm"));
        // When
        byte[] sharedSecret = KeySchedule.sharedSecret(dh, kemContext);
        byte[] context = KeySchedule.context(SUITE, hex(VECTOR, "info"));
        byte[] secret = KeySchedule.secret(SUITE, sharedSecret);
        // Then
        assertThat(sharedSecret).isEqualTo(hex(VECTOR, "shared_secret"));
        assertThat(context).isEqualTo(hex(VECTOR, "key_schedule_context"));
        assertThat(secret).isEqualTo(hex(VECTOR, "secret"));
        assertThat(KeySchedule.key(SUITE, secret, context)).isEqualTo(hex(VECTOR, "key"));
        assertThat(KeySchedule.baseNonce(SUITE, secret, context)).isEqualTo(hex(VECTOR, "base_nonce"));
    }

    @Test
    void senderSetupWithTheVectorsEphemeralReproducesEncKeyAndNonce() {
        // Given
        X25519KeyPair ephemeral = X25519KeyPair.of(X25519PrivateKey.takeCopyOf(hex(VECTOR, "skEm")));
        X25519KeyPair recipient = X25519KeyPair.of(X25519PrivateKey.takeCopyOf(hex(VECTOR, "skRm")));
        // When
        HpkeContext context = Hpke.of(SUITE).setupBaseS(ephemeral, recipient.publicKey(), hex(VECTOR, "info"));
        // Then
        assertThat(context.enc()).isEqualTo(hex(VECTOR, "enc"));
        assertThat(context.keyForTesting()).isEqualTo(hex(VECTOR, "key"));
        assertThat(context.baseNonceForTesting()).isEqualTo(hex(VECTOR, "base_nonce"));
    }

    static Stream<JsonNode> encryptions() {
        return StreamSupport.stream(VECTOR.get("encryptions").spliterator(), false);
    }

    @ParameterizedTest(name = "sequence {index}")
    @MethodSource("encryptions")
    void sealReproducesEachCiphertextAndNonceInSequence(JsonNode encryption) {
        // Given
        int sequence = encryption.get("sequence number").asInt();
        HpkeContext sender = senderContext();
        for (int i = 0; i < sequence; i++) {
            knownAnswer(() -> sender.seal(new byte[0], new byte[0]));
        }
        // When
        byte[] nonce = sender.nonce(sequence);
        byte[] ciphertext = knownAnswer(() -> sender.seal(hex(encryption, "aad"), hex(encryption, "pt")));
        // Then
        assertThat(nonce).isEqualTo(hex(encryption, "nonce"));
        assertThat(ciphertext).isEqualTo(hex(encryption, "ct"));
    }

    @ParameterizedTest(name = "sequence {index}")
    @MethodSource("encryptions")
    void openRecoversEachPlaintextInSequence(JsonNode encryption) {
        // Given
        int sequence = encryption.get("sequence number").asInt();
        HpkeContext receiver = Hpke.of(SUITE)
                .setupBaseR(hex(VECTOR, "enc"), X25519PrivateKey.takeCopyOf(hex(VECTOR, "skRm")), hex(VECTOR, "info"));
        HpkeContext sender = senderContext();
        for (int i = 0; i < sequence; i++) {
            receiver.open(new byte[0], knownAnswer(() -> sender.seal(new byte[0], new byte[0])));
        }
        // When
        byte[] plaintext = receiver.open(hex(encryption, "aad"), hex(encryption, "ct"));
        // Then
        assertThat(plaintext).isEqualTo(hex(encryption, "pt"));
    }

    /** The vectors repeat keys and nonces across tests on one thread: the known-answer opt-in of AES-GCM. */
    private static byte[] knownAnswer(Supplier<byte[]> vectorSeal) {
        return AesGcm.permitRepeatedKeyAndNonceForKnownAnswersOnly(vectorSeal);
    }

    private static HpkeContext senderContext() {
        X25519KeyPair ephemeral = X25519KeyPair.of(X25519PrivateKey.takeCopyOf(hex(VECTOR, "skEm")));
        X25519KeyPair recipient = X25519KeyPair.of(X25519PrivateKey.takeCopyOf(hex(VECTOR, "skRm")));
        return Hpke.of(SUITE).setupBaseS(ephemeral, recipient.publicKey(), hex(VECTOR, "info"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
