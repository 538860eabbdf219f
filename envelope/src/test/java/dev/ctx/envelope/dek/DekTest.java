package dev.ctx.envelope.dek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.DekBudgetExhaustedException;
import dev.ctx.envelope.error.DestroyedKeyException;

class DekTest {

    private static final byte[] NONCE = new byte[12];
    private static final byte[] AAD = {1};

    @Test
    void encryptsWithinItsBudgetThenRefuses() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 1);
        dek.encrypt(NONCE, AAD, new byte[] {42});
        // When / Then
        assertThatThrownBy(() -> dek.encrypt(new byte[12], AAD, new byte[] {42}))
                .isExactlyInstanceOf(DekBudgetExhaustedException.class);
    }

    @Test
    void decryptsWhatItEncrypted() {
        // Given
        Dek dek = Dek.generate(new SecureRandom(), 1);
        byte[] ciphertext = dek.encrypt(NONCE, AAD, new byte[] {42});
        // When / Then
        assertThat(dek.decrypt(NONCE, AAD, ciphertext, 0, ciphertext.length, "test")).containsExactly(42);
        assertThatThrownBy(() -> dek.decrypt(NONCE, new byte[] {2}, ciphertext, 0, ciphertext.length, "test"))
                .isExactlyInstanceOf(AuthenticationFailedException.class).hasMessageStartingWith("test");
    }

    @Test
    void destroyZeroesTheOwnedKeyAndRefusesUse() {
        // Given
        byte[] owned = new byte[32];
        owned[0] = 7;
        Dek dek = Dek.takeOwnershipOf(owned, 1);
        // When
        dek.destroy();
        // Then
        assertThat(owned).isEqualTo(new byte[32]);
        assertThat(dek.isDestroyed()).isTrue();
        assertThatThrownBy(() -> dek.encrypt(NONCE, AAD, new byte[1])).isInstanceOf(DestroyedKeyException.class);
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
}
