package dev.ctx.envelope.sign;

import java.util.Arrays;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.internal.PublicKeyFingerprint;

/**
 * An Ed25519 public key (RFC 8032, 32 bytes), decoded and validated once so each verification skips point decoding.
 * Immutable and thread-safe; public key bytes are not secret, so {@link #toString()} shows the fingerprint.
 */
public final class Ed25519VerifyingKey {

    /** Length of an encoded Ed25519 public key in bytes. */
    public static final int LENGTH = Ed25519.PUBLIC_KEY_SIZE;
    /** Length of an Ed25519 signature in bytes. */
    public static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

    private final byte[] bytes;
    private final Ed25519.PublicPoint point;
    private final String fingerprint;

    private Ed25519VerifyingKey(byte[] bytes, Ed25519.PublicPoint point) {
        this.bytes = bytes;
        this.point = point;
        this.fingerprint = fingerprintOf(bytes);
    }

    /**
     * Creates a verifying key from its 32-byte encoding; the array is copied.
     *
     * @throws InvalidInputException if {@code bytes} is not 32 bytes or not a valid point of the prime-order subgroup
     */
    public static Ed25519VerifyingKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidInputException(
                    "Ed25519 public key must be " + LENGTH + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        byte[] copy = bytes.clone();
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(copy, 0);
        if (point == null) {
            throw new InvalidInputException("not a valid Ed25519 public key");
        }
        return new Ed25519VerifyingKey(copy, point);
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature of {@code message} by this key. Never throws for a
     * malformed signature (wrong length, null): that is simply not valid.
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        return Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    /** A copy of the 32-byte encoding. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex SHA-256 of the 32-byte encoding (64 characters): what operators pin. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Lower-case hex SHA-256 of {@code publicKey}, the fingerprint format shared with X25519 keys. */
    public static String fingerprintOf(byte[] publicKey) {
        return PublicKeyFingerprint.of(publicKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519VerifyingKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519VerifyingKey[sha256=" + fingerprint + "]";
    }
}
