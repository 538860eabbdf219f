package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.key.X25519KeyPair;

class HpkeChallengeTest {

    private static final HPKE BC =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    private static final byte[] INFO = "ctx-key-possession".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "participant-7:2".getBytes(StandardCharsets.UTF_8);

    private final X25519KeyPair holder = X25519KeyPair.generate();

    @Test
    void theKeyHolderOpensTheChallengeAndItsAnswerIsAccepted() {
        // Given
        HpkeChallenge.Sealed sealed = HpkeChallenge.sealTo(holder.publicKey(), INFO, AAD);
        // When
        byte[] answer = HpkeChallenge.open(holder.privateKey(), sealed.enc(), sealed.ciphertext(), INFO, AAD);
        // Then
        assertThat(answer).hasSize(HpkeChallenge.LENGTH);
        assertThat(sealed.isAnsweredBy(answer)).isTrue();
        assertThat(sealed.exposeExpectedAnswerForVerifierStorage()).isEqualTo(answer);
        assertThat(sealed.enc()).hasSize(32);
        assertThat(sealed.ciphertext()).hasSize(HpkeChallenge.LENGTH + 16);
    }

    @Test
    void anyStandardHpkeLibraryOpensIt() throws Exception {
        // Given
        HpkeChallenge.Sealed sealed = HpkeChallenge.sealTo(holder.publicKey(), INFO, AAD);
        AsymmetricCipherKeyPair bcKey = BC.deserializePrivateKey(
                holder.privateKey().exposeSecretBytesForCustodySealing(),
                holder.publicKey().bytes());
        // When
        byte[] answer = BC.open(sealed.enc(), bcKey, INFO, AAD, sealed.ciphertext(), null, null, null);
        // Then
        assertThat(sealed.isAnsweredBy(answer)).isTrue();
    }

    @Test
    void anotherKeyOrAnotherContextCannotOpenIt() {
        // Given
        HpkeChallenge.Sealed sealed = HpkeChallenge.sealTo(holder.publicKey(), INFO, AAD);
        X25519KeyPair other = X25519KeyPair.generate();
        // When / Then
        assertThatThrownBy(() -> HpkeChallenge.open(other.privateKey(), sealed.enc(), sealed.ciphertext(), INFO, AAD))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> HpkeChallenge.open(
                        holder.privateKey(),
                        sealed.enc(),
                        sealed.ciphertext(),
                        INFO,
                        "participant-7:3".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aWrongAnswerIsRejectedAndEveryChallengeIsFresh() {
        // Given
        HpkeChallenge.Sealed first = HpkeChallenge.sealTo(holder.publicKey(), INFO, AAD);
        HpkeChallenge.Sealed second = HpkeChallenge.sealTo(holder.publicKey(), INFO, AAD);
        // When
        byte[] secondAnswer = HpkeChallenge.open(holder.privateKey(), second.enc(), second.ciphertext(), INFO, AAD);
        // Then
        assertThat(first.isAnsweredBy(secondAnswer)).isFalse();
        assertThat(first.isAnsweredBy(new byte[HpkeChallenge.LENGTH])).isFalse();
        assertThat(first.isAnsweredBy(null)).isFalse();
        assertThat(first.enc()).isNotEqualTo(second.enc());
    }

    @Test
    void toStringRedactsTheChallenge() {
        // Given
        HpkeChallenge.Sealed sealed = HpkeChallenge.sealTo(holder.publicKey(), INFO, AAD);
        // When
        String shown = sealed.toString();
        // Then
        assertThat(shown)
                .contains("redacted")
                .doesNotContain(HexFormat.of().formatHex(sealed.exposeExpectedAnswerForVerifierStorage()));
    }
}
