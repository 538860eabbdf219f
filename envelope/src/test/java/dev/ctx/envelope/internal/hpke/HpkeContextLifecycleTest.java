package dev.ctx.envelope.internal.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * An HPKE context's lifecycle: it names its suite, describes itself without key bytes, and destroying it zeroes its
 * key and base nonce and makes it refuse to seal. Destroying a key pair destroys its private key.
 */
class HpkeContextLifecycleTest {

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    private static HpkeContext senderContext() {
        X25519KeyPair recipient = X25519KeyPair.generate();
        return HPKE.setupBaseS(X25519KeyPair.generate(), recipient.publicKey(), new byte[] {1});
    }

    @Test
    void aContextNamesItsSuiteAndDescribesItselfWithoutKeyBytes() {
        // Given
        HpkeContext context = senderContext();
        context.seal(new byte[0], new byte[] {1});
        // Then
        assertThat(HPKE.suite()).isEqualTo(HpkeSuite.X25519_SHA256_AES256GCM);
        assertThat(context.suite()).isEqualTo(HpkeSuite.X25519_SHA256_AES256GCM);
        assertThat(context).hasToString("HpkeContext[X25519_SHA256_AES256GCM, key=<redacted>, seq=1]");
    }

    @Test
    void destroyingAContextZeroesItsKeyAndBaseNonceAndRefusesToSeal() {
        // Given
        HpkeContext context = senderContext();
        assertThat(context.isDestroyed()).isFalse();
        assertThat(context.keyForTesting()).isNotEqualTo(new byte[32]);
        // When
        context.destroy();
        // Then
        assertThat(context.isDestroyed()).isTrue();
        assertThat(context.keyForTesting()).containsOnly(0);
        assertThat(context.baseNonceForTesting()).containsOnly(0);
        assertThatThrownBy(() -> context.seal(new byte[0], new byte[] {1}))
                .isExactlyInstanceOf(DestroyedKeyException.class);
    }

    @Test
    void destroyingAKeyPairDestroysItsPrivateKey() {
        // Given
        X25519KeyPair pair = X25519KeyPair.generate();
        // When
        pair.destroy();
        // Then
        assertThat(pair.privateKey().isDestroyed()).isTrue();
    }

    @Test
    void labelsAreTheirAsciiBytes() {
        assertThat(Labeled.ascii("eae_prk")).isEqualTo("eae_prk".getBytes(StandardCharsets.US_ASCII));
    }
}
