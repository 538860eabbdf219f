package dev.ctx.envelope.key;

import java.util.Arrays;

import javax.security.auth.Destroyable;

import org.bouncycastle.math.ec.rfc7748.X25519;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * An opaque X25519 private key handle (RFC 7748 scalar, 32 bytes).
 *
 * <p>Byte ownership is explicit: {@link #takeOwnershipOf(byte[])} keeps the caller's array and zeroes it on
 * {@link #destroy()}; {@link #takeCopyOf(byte[])} copies it. The secret bytes leave the handle only through the loudly
 * named {@link #exposeSecretBytesForCustodySealing()}. {@link #toString()} is redacted.
 *
 * <p>Thread-safe for concurrent use. Destroying the key while another thread is using it may make that use fail;
 * after {@link #destroy()} returns, every use throws {@link DestroyedKeyException}.
 */
public final class X25519PrivateKey implements Destroyable {

    /** Length of an X25519 private key (scalar) in bytes. */
    public static final int LENGTH = X25519.SCALAR_SIZE;

    private final byte[] scalar;
    private final X25519PublicKey publicKey;
    private volatile boolean destroyed;

    private X25519PrivateKey(byte[] scalar) {
        this.scalar = scalar;
        byte[] publicBytes = new byte[X25519PublicKey.LENGTH];
        X25519.generatePublicKey(scalar, 0, publicBytes, 0);
        this.publicKey = X25519PublicKey.of(publicBytes);
    }

    /**
     * Takes ownership of {@code scalar} without copying it: the caller must not use the array afterwards, and
     * {@link #destroy()} zeroes it.
     *
     * @throws InvalidInputException if the array is null or not 32 bytes long
     */
    public static X25519PrivateKey takeOwnershipOf(byte[] scalar) {
        return new X25519PrivateKey(checkLength(scalar));
    }

    /** Copies {@code scalar}; the caller remains responsible for zeroing its own array. */
    public static X25519PrivateKey takeCopyOf(byte[] scalar) {
        return new X25519PrivateKey(checkLength(scalar).clone());
    }

    private static byte[] checkLength(byte[] scalar) {
        if (scalar == null || scalar.length != LENGTH) {
            throw new InvalidInputException("X25519 private key must be " + LENGTH + " bytes, got "
                    + (scalar == null ? "null" : scalar.length));
        }
        return scalar;
    }

    /** The public key derived from this private key; available even after destruction. */
    public X25519PublicKey publicKey() {
        return publicKey;
    }

    /**
     * X25519 Diffie-Hellman with a peer's 32-byte public key, writing the 32-byte shared secret into {@code out}.
     * The output is secret; callers zero it after use.
     *
     * @throws InvalidInputException if the shared secret is all-zero (a low-order peer key, RFC 7748 §6.1)
     * @throws DestroyedKeyException if this key was destroyed
     */
    public void agreeWith(byte[] peerPublicKey, int peerOffset, byte[] out, int outOffset) {
        ensureNotDestroyed();
        if (!X25519.calculateAgreement(scalar, 0, peerPublicKey, peerOffset, out, outOffset)) {
            throw new InvalidInputException("X25519 shared secret is all-zero (low-order peer public key)");
        }
    }

    /**
     * Returns a copy of the secret scalar, for sealing it in custody (key service) only. The caller owns the copy and
     * must zero it as soon as it is sealed. Never log it.
     */
    public byte[] exposeSecretBytesForCustodySealing() {
        ensureNotDestroyed();
        return scalar.clone();
    }

    private void ensureNotDestroyed() {
        if (destroyed) {
            throw new DestroyedKeyException("X25519 private key (public " + publicKey + ") was destroyed");
        }
    }

    /** Zeroes the scalar (the caller's array, if ownership was taken). Idempotent. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(scalar, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "X25519PrivateKey[<redacted>" + (destroyed ? ", destroyed" : "") + "]";
    }
}
