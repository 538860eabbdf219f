package dev.ctx.envelope.sign;

import java.security.SecureRandom;
import java.util.Arrays;

import javax.security.auth.Destroyable;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * An opaque Ed25519 signing key handle (RFC 8032 32-byte seed). Signatures are deterministic: the same key and message
 * always give the same 64 bytes.
 *
 * <p>Byte ownership is explicit: {@link #takeOwnershipOf(byte[])} keeps the caller's array and zeroes it on
 * {@link #destroy()}. The seed leaves the handle only through {@link #exposeSecretBytesForCustodySealing()}.
 * {@link #toString()} is redacted. Thread-safe; after {@link #destroy()} every use throws
 * {@link DestroyedKeyException}.
 */
public final class Ed25519SigningKey implements Destroyable {

    /** Length of an Ed25519 seed in bytes. */
    public static final int LENGTH = Ed25519.SECRET_KEY_SIZE;

    private final byte[] seed;
    private final byte[] publicBytes;
    private final Ed25519VerifyingKey verifyingKey;
    private volatile boolean destroyed;

    private Ed25519SigningKey(byte[] seed) {
        this.seed = seed;
        this.publicBytes = new byte[Ed25519VerifyingKey.LENGTH];
        Ed25519.generatePublicKey(seed, 0, publicBytes, 0);
        this.verifyingKey = Ed25519VerifyingKey.of(publicBytes);
    }

    /** A fresh key from {@code random}. */
    public static Ed25519SigningKey generate(SecureRandom random) {
        byte[] seed = new byte[LENGTH];
        Ed25519.generatePrivateKey(random, seed);
        return new Ed25519SigningKey(seed);
    }

    /**
     * Takes ownership of {@code seed} without copying it: the caller must not use the array afterwards, and
     * {@link #destroy()} zeroes it.
     *
     * @throws InvalidInputException if the array is null or not 32 bytes long
     */
    public static Ed25519SigningKey takeOwnershipOf(byte[] seed) {
        if (seed == null || seed.length != LENGTH) {
            throw new InvalidInputException(
                    "Ed25519 seed must be " + LENGTH + " bytes, got " + (seed == null ? "null" : seed.length));
        }
        return new Ed25519SigningKey(seed);
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519VerifyingKey.SIGNATURE_LENGTH];
        synchronized (seed) {
            requireLive();
            Ed25519.sign(seed, 0, publicBytes, 0, message, 0, message.length, signature, 0);
        }
        return signature;
    }

    /** The matching public key. */
    public Ed25519VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /**
     * A copy of the 32-byte seed, only for sealing it under the key service's master KEK. The caller must zero it.
     */
    public byte[] exposeSecretBytesForCustodySealing() {
        synchronized (seed) {
            requireLive();
            return seed.clone();
        }
    }

    private void requireLive() {
        if (destroyed) {
            throw new DestroyedKeyException("Ed25519 signing key was destroyed");
        }
    }

    @Override
    public void destroy() {
        synchronized (seed) {
            Arrays.fill(seed, (byte) 0);
            destroyed = true;
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Ed25519SigningKey[public sha256=" + verifyingKey.fingerprint() + ", secret redacted]";
    }
}
