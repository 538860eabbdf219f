package dev.ctx.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;

class KeyringPublicKeysTest {

    @Test
    void decodesTheKeyItEncodedWithoutMovingTheRecordsBuffer() {
        // Given
        X25519PublicKey key = X25519KeyPair.generate().publicKey();
        PublicKeyVersion version = version(KeyringPublicKeys.encoded(key));
        // When
        X25519PublicKey decoded = KeyringPublicKeys.x25519(version);
        // Then
        assertThat(decoded).isEqualTo(key);
        assertThat(version.getPublicKey().remaining()).isEqualTo(X25519PublicKey.LENGTH);
        assertThat(KeyringPublicKeys.rawBytes(version)).isEqualTo(key.bytes());
    }

    @Test
    void aKeyOfAnotherLengthIsNotAnX25519Key() {
        // Given
        PublicKeyVersion version = version(ByteBuffer.wrap(new byte[31]));
        // When / Then
        assertThatThrownBy(() -> KeyringPublicKeys.x25519(version)).isInstanceOf(InvalidInputException.class);
        assertThat(KeyringPublicKeys.rawBytes(version)).hasSize(31);
    }

    private static PublicKeyVersion version(ByteBuffer publicKey) {
        return PublicKeyVersion.newBuilder()
                .setVersion(1)
                .setAlgorithm(KeyringPublicKeys.X25519)
                .setPublicKey(publicKey)
                .setCreatedAt(Instant.EPOCH)
                .setStatus(KeyStatus.ACTIVE)
                .build();
    }
}
