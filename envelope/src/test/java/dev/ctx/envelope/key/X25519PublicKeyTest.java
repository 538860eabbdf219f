package dev.ctx.envelope.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * X25519 public keys: 32 bytes exactly, equal by their bytes, copied out at an offset, fingerprinted by SHA-256 and
 * described by their (public) hex; private keys report their destruction in their redacted description.
 */
class X25519PublicKeyTest {

    private static final byte[] BYTES = bytes(0);
    /** SHA-256 of the bytes 00 01 .. 1f. */
    private static final String FINGERPRINT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";

    private static byte[] bytes(int start) {
        byte[] bytes = new byte[X25519PublicKey.LENGTH];
        IntStream.range(0, bytes.length).forEach(i -> bytes[i] = (byte) (start + i));
        return bytes;
    }

    @Test
    void aPublicKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> X25519PublicKey.of(null))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got null");
        assertThatThrownBy(() -> X25519PublicKey.of(new byte[31]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got 31");
        assertThat(X25519PublicKey.of(BYTES).bytes()).isEqualTo(BYTES);
    }

    @Test
    void publicKeysAreEqualByTheirBytes() {
        // Given
        X25519PublicKey key = X25519PublicKey.of(BYTES);
        // Then
        assertThat(key).isEqualTo(X25519PublicKey.of(bytes(0))).hasSameHashCodeAs(X25519PublicKey.of(bytes(0)));
        assertThat(key)
                .isNotEqualTo(X25519PublicKey.of(bytes(1)))
                .isNotEqualTo(HexFormat.of().formatHex(BYTES));
        assertThat(key.hashCode()).isNotEqualTo(X25519PublicKey.of(bytes(1)).hashCode());
    }

    @Test
    void aPublicKeyCopiesItselfToAnOffset() {
        // Given
        byte[] out = new byte[40];
        // When
        X25519PublicKey.of(BYTES).copyTo(out, 4);
        // Then
        assertThat(out[3]).isZero();
        assertThat(Arrays.copyOfRange(out, 4, 36)).isEqualTo(BYTES);
    }

    @Test
    void aPublicKeyIsFingerprintedAndDescribedByItsBytes() {
        // Given
        X25519PublicKey key = X25519PublicKey.of(BYTES);
        // Then
        assertThat(key.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(key).hasToString("X25519PublicKey[" + HexFormat.of().formatHex(BYTES) + "]");
    }

    @Test
    void aPrivateKeySaysWhetherItIsDestroyedButNeverItsScalar() {
        // Given
        X25519PrivateKey key = X25519PrivateKey.takeCopyOf(bytes(7));
        // Then
        assertThat(key.isDestroyed()).isFalse();
        assertThat(key).hasToString("X25519PrivateKey[<redacted>]");
        // When
        key.destroy();
        // Then
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key).hasToString("X25519PrivateKey[<redacted>, destroyed]");
    }
}
