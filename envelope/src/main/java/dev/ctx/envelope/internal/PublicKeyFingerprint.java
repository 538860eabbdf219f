package dev.ctx.envelope.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.ctx.envelope.error.CryptoProviderException;

/**
 * The fingerprint format of every public key we publish (X25519 and Ed25519): lower-case hex SHA-256 of the 32-byte
 * encoding, 64 characters. What operators pin ({@code docs/keyring-signature.md}). Stateless.
 */
public final class PublicKeyFingerprint {

    private PublicKeyFingerprint() {}

    /** Lower-case hex SHA-256 of {@code encodedPublicKey}. */
    public static String of(byte[] encodedPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encodedPublicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoProviderException("SHA-256 unavailable", e);
        }
    }
}
