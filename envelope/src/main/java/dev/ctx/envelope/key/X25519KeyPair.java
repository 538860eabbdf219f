package dev.ctx.envelope.key;

import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An X25519 private key handle and its public key. Thread-safe; the private key's lifetime is the caller's to end
 * with {@link #destroy()}.
 */
public final class X25519KeyPair {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X25519PrivateKey privateKey;

    private X25519KeyPair(X25519PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** Generates a fresh key pair with BouncyCastle's low-level X25519 and the default {@link SecureRandom}. */
    public static X25519KeyPair generate() {
        return generate(RANDOM);
    }

    /** Generates a fresh key pair from the given randomness source. */
    public static X25519KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, scalar);
        return new X25519KeyPair(X25519PrivateKey.takeOwnershipOf(scalar));
    }

    /** Wraps an existing private key handle; the pair shares (does not copy) the handle. */
    public static X25519KeyPair of(X25519PrivateKey privateKey) {
        return new X25519KeyPair(Objects.requireNonNull(privateKey, "privateKey"));
    }

    public X25519PrivateKey privateKey() {
        return privateKey;
    }

    public X25519PublicKey publicKey() {
        return privateKey.publicKey();
    }

    /** Destroys the private key. */
    public void destroy() {
        privateKey.destroy();
    }

    @Override
    public String toString() {
        return "X25519KeyPair[public=" + privateKey.publicKey() + ", private=<redacted>]";
    }
}
