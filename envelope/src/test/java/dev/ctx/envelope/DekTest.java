package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.CryptoProviderException;
import dev.ctx.envelope.error.DekBudgetExhaustedException;
import dev.ctx.envelope.error.DestroyedKeyException;

class DekTest {

    private static final byte[] AAD = {1};
    private static final byte[] PLAINTEXT = {1, 2, 3};

    @Test
    void encryptsWithinItsBudgetThenRefuses() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 1);
        dek.encrypt(new byte[] {42}, AAD);
        // When / Then
        assertThatThrownBy(() -> dek.encrypt(new byte[] {42}, AAD))
                .isExactlyInstanceOf(DekBudgetExhaustedException.class);
    }

    @Test
    void drawsAFreshNonceForEveryEncryption() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 2);
        // When
        Dek.Encryption first = dek.encrypt(PLAINTEXT, AAD);
        Dek.Encryption second = dek.encrypt(PLAINTEXT, AAD);
        // Then
        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void decryptsWhatItEncrypted() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 1);
        Dek.Encryption encrypted = dek.encrypt(new byte[] {42}, AAD);
        byte[] nonce = encrypted.nonce();
        byte[] ciphertext = encrypted.ciphertext();
        // When / Then
        assertThat(dek.decrypt(nonce, AAD, ciphertext, 0, ciphertext.length, "test"))
                .containsExactly(42);
        assertThatThrownBy(() -> dek.decrypt(nonce, new byte[] {2}, ciphertext, 0, ciphertext.length, "test"))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("test");
    }

    @Test
    void aDecryptionOnlyDekNeverEncrypts() {
        // Given
        Dek dek = Dek.forDecryption(new byte[32]);
        // When / Then
        assertThatThrownBy(() -> dek.encrypt(PLAINTEXT, AAD)).isExactlyInstanceOf(DekBudgetExhaustedException.class);
    }

    @Test
    void aRepeatedKeyAndNonceFailsLoudlyOnTheSealingPath() {
        // Given: two DEK handles with the same key bytes and nonce, as broken randomness would produce
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] nonce = new byte[12];
        Dek first = Dek.insecureWithFixedNonceForKnownAnswers(key.clone(), nonce);
        Dek second = Dek.insecureWithFixedNonceForKnownAnswers(key.clone(), nonce);
        first.encrypt(PLAINTEXT, AAD);
        // When / Then
        assertThatThrownBy(() -> second.encrypt(PLAINTEXT, AAD))
                .isExactlyInstanceOf(CryptoProviderException.class)
                .hasMessageContaining("repeated key and nonce");
    }

    @Test
    void destroyZeroesTheOwnedKeyAndRefusesUse() {
        // Given
        byte[] owned = new byte[32];
        owned[0] = 7;
        Dek dek = Dek.forDecryption(owned);
        // When
        dek.destroy();
        // Then
        assertThat(owned).isEqualTo(new byte[32]);
        assertThat(dek.isDestroyed()).isTrue();
        assertThatThrownBy(() -> dek.encrypt(new byte[1], AAD)).isInstanceOf(DestroyedKeyException.class);
        assertThatThrownBy(() -> dek.exposeKeyBytesForWrapping(k -> k)).isInstanceOf(DestroyedKeyException.class);
    }

    @Test
    void toStringRedactsTheKey() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 1);
        String keyHex = dek.exposeKeyBytesForWrapping(HexFormat.of()::formatHex);
        // When / Then
        assertThat(dek.toString()).contains("redacted").doesNotContain(keyHex);
    }

    @Test
    void aRefusedEncryptionLeavesTheBudgetAtZeroAndTheDescriptionSaysWhetherTheDekIsDestroyed() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 1);
        dek.encrypt(new byte[] {1}, new byte[0]);
        assertThatThrownBy(() -> dek.encrypt(new byte[] {2}, new byte[0]))
                .isExactlyInstanceOf(DekBudgetExhaustedException.class);
        // Then
        assertThat(dek.isDestroyed()).isFalse();
        assertThat(dek).hasToString("Dek[<redacted>, encryptionsLeft=0]");
        // When
        dek.destroy();
        // Then
        assertThat(dek.isDestroyed()).isTrue();
        assertThat(dek).hasToString("Dek[<redacted>, encryptionsLeft=0, destroyed]");
    }
}
