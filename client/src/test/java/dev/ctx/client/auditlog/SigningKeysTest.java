package dev.ctx.client.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.testkit.auditlog.FixtureSigner;

/** The published signing keys a verifier trusts: what it accepts and what a signature under them must be. */
class SigningKeysTest {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");

    @Test
    void aSignatureVerifiesOnlyForItsMessageAndItsKey() {
        // Given
        SigningKeys keys = FixtureFeed.keys(SIGNER, FixtureSigner.generate("audit-signer-2"));
        byte[] message = "checkpoint".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = SIGNER.sign(message);
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        // Then
        assertThat(keys.verifies("audit-signer-1", message, signature)).isTrue();
        assertThat(keys.verifies("audit-signer-2", message, signature)).isFalse();
        assertThat(keys.verifies("audit-signer-1", "checkpoinT".getBytes(StandardCharsets.US_ASCII), signature))
                .isFalse();
        assertThat(keys.verifies("audit-signer-1", message, flipped)).isFalse();
        assertThat(keys.verifies("audit-signer-1", message, new byte[63])).isFalse();
        assertThat(keys.verifies("unknown", message, signature)).isFalse();
    }

    @Test
    void aSmallOrderPointIsNotAcceptedAsASigningKey() {
        // Given: the encoding of the neutral element (order 1), under which forged signatures are easy
        byte[] identity = new byte[32];
        identity[0] = 1;
        SigningKey key = new SigningKey(
                "weak", SigningKeys.ED25519, Base64.getEncoder().encodeToString(identity), "CURRENT", "");
        // Then
        assertThatThrownBy(() -> SigningKeys.of(List.of(key)))
                .isInstanceOf(SigningKeysException.class)
                .hasMessageContaining("weak");
    }
}
