package dev.ctx.envelope.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * Ed25519 signing and verifying keys against RFC 8032 section 7.1 test 1 (empty message), their validation, equality,
 * fingerprints, destruction and redacted descriptions.
 */
class Ed25519KeysTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String SIGNATURE =
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33"
                    + "bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    /** SHA-256 of {@link #PUBLIC}. */
    private static final String FINGERPRINT = "21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9";

    private static Ed25519SigningKey rfcKey() {
        return Ed25519SigningKey.takeOwnershipOf(HEX.parseHex(SEED));
    }

    @Test
    void theRfcSeedDerivesTheRfcPublicKeyAndSignature() {
        // Given
        Ed25519SigningKey key = rfcKey();
        // When
        byte[] signature = key.sign(new byte[0]);
        // Then
        assertThat(HEX.formatHex(key.verifyingKey().bytes())).isEqualTo(PUBLIC);
        assertThat(HEX.formatHex(signature)).isEqualTo(SIGNATURE);
        assertThat(key.verifyingKey().verify(new byte[0], signature)).isTrue();
    }

    @Test
    void aVerifyingKeyAcceptsOnlyTheSignatureOfItsMessage() {
        // Given
        Ed25519VerifyingKey key = Ed25519VerifyingKey.of(HEX.parseHex(PUBLIC));
        byte[] signature = HEX.parseHex(SIGNATURE);
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        // Then
        assertThat(key.verify(new byte[0], signature)).isTrue();
        assertThat(key.verify(new byte[] {0}, signature)).isFalse();
        assertThat(key.verify(new byte[0], flipped)).isFalse();
        assertThat(key.verify(new byte[0], new byte[63])).isFalse();
        assertThat(key.verify(null, signature)).isFalse();
        assertThat(key.verify(new byte[0], null)).isFalse();
    }

    @Test
    void aVerifyingKeyIsThirtyTwoBytesOfAValidPoint() {
        assertThatThrownBy(() -> Ed25519VerifyingKey.of(null))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got null");
        assertThatThrownBy(() -> Ed25519VerifyingKey.of(new byte[31]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got 31");
        // y = 2 is not on the curve
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThatThrownBy(() -> Ed25519VerifyingKey.of(notAPoint))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a valid");
    }

    @Test
    void verifyingKeysAreEqualByTheirBytesAndNamedByTheirFingerprint() {
        // Given
        Ed25519VerifyingKey key = Ed25519VerifyingKey.of(HEX.parseHex(PUBLIC));
        Ed25519VerifyingKey same = Ed25519VerifyingKey.of(HEX.parseHex(PUBLIC));
        Ed25519VerifyingKey other =
                Ed25519SigningKey.generate(new SecureRandom()).verifyingKey();
        // Then
        assertThat(key)
                .isEqualTo(same)
                .hasSameHashCodeAs(same)
                .isNotEqualTo(other)
                .isNotEqualTo(PUBLIC);
        assertThat(key.hashCode()).isNotEqualTo(other.hashCode());
        assertThat(key.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(Ed25519VerifyingKey.fingerprintOf(HEX.parseHex(PUBLIC))).isEqualTo(FINGERPRINT);
        assertThat(key).hasToString("Ed25519VerifyingKey[sha256=" + FINGERPRINT + "]");
    }

    @Test
    void aSigningKeyTakesASeedOfThirtyTwoBytesOnly() {
        assertThatThrownBy(() -> Ed25519SigningKey.takeOwnershipOf(null))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got null");
        assertThatThrownBy(() -> Ed25519SigningKey.takeOwnershipOf(new byte[33]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got 33");
    }

    @Test
    void generatedKeysDifferAndSignVerifiably() {
        // When
        Ed25519SigningKey first = Ed25519SigningKey.generate(new SecureRandom());
        Ed25519SigningKey second = Ed25519SigningKey.generate(new SecureRandom());
        // Then
        assertThat(first.exposeSecretBytesForCustodySealing())
                .isNotEqualTo(second.exposeSecretBytesForCustodySealing());
        assertThat(first.verifyingKey()).isNotEqualTo(second.verifyingKey());
        assertThat(first.verifyingKey().verify(new byte[] {1}, first.sign(new byte[] {1})))
                .isTrue();
    }

    @Test
    void aDestroyedSigningKeyIsZeroedAndRefusesToSignOrExposeItsSeed() {
        // Given
        byte[] seed = HEX.parseHex(SEED);
        Ed25519SigningKey key = Ed25519SigningKey.takeOwnershipOf(seed);
        assertThat(key.isDestroyed()).isFalse();
        assertThat(HEX.formatHex(key.exposeSecretBytesForCustodySealing())).isEqualTo(SEED);
        // When
        key.destroy();
        // Then
        assertThat(key.isDestroyed()).isTrue();
        assertThat(seed).containsOnly(0);
        assertThatThrownBy(() -> key.sign(new byte[0])).isExactlyInstanceOf(DestroyedKeyException.class);
        assertThatThrownBy(key::exposeSecretBytesForCustodySealing).isExactlyInstanceOf(DestroyedKeyException.class);
    }

    @Test
    void aSigningKeyDescribesItselfByItsPublicFingerprintOnly() {
        assertThat(rfcKey()).hasToString("Ed25519SigningKey[public sha256=" + FINGERPRINT + ", secret redacted]");
    }
}
