package dev.ctx.envelope.key;

import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.math.ec.rfc7748.X25519;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.internal.PublicKeyFingerprint;

/**
 * An X25519 public key (RFC 7748, 32 bytes, little-endian u-coordinate). Immutable and thread-safe.
 * Public key bytes are not secret, so {@link #toString()} shows them.
 */
public final class X25519PublicKey {

    /** Length of an encoded X25519 public key in bytes. */
    public static final int LENGTH = X25519.POINT_SIZE;

    private final byte[] bytes;

    private X25519PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Creates a public key from its 32-byte encoding; the array is copied.
     *
     * @throws InvalidInputException if {@code bytes} is null or not 32 bytes long
     */
    public static X25519PublicKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidInputException(
                    "X25519 public key must be " + LENGTH + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new X25519PublicKey(bytes.clone());
    }

    /** Returns a copy of the 32-byte encoding. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Lower-case hex SHA-256 of the 32-byte encoding (64 characters): what the processor pins for the escrow key
     * ({@code escrow.public.key.fingerprint}).
     */
    public String fingerprint() {
        return PublicKeyFingerprint.of(bytes);
    }

    /** Copies the 32-byte encoding into {@code out} at {@code offset} without allocating. */
    public void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519PublicKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "X25519PublicKey[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
