package dev.ctx.keyservice.custody;

import java.util.Arrays;
import java.util.Objects;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.kek.KekException;
import dev.ctx.keyservice.kek.MasterKek;

/**
 * Seals and opens X25519 private keys (and the key service's own Ed25519 keyring-signing seed, under a reserved id)
 * under the master KEK with AAD = (participant id, key version).
 *
 * <p>Security guarantees: a sealed key opens only for the same participant id and version under the same KEK; the
 * scalar bytes are zeroed as soon as they are sealed or wrapped in a handle. Thread-safe.
 */
public final class KeyCustodian {

    private final MasterKek kek;

    public KeyCustodian(MasterKek kek) {
        this.kek = Objects.requireNonNull(kek, "kek");
    }

    /** Seals {@code privateKey} as version {@code keyVersion} of {@code participantId}; the handle stays usable. */
    public SealedPrivateKey seal(String participantId, int keyVersion, X25519PrivateKey privateKey) {
        byte[] scalar = privateKey.exposeSecretBytesForCustodySealing();
        try {
            return new SealedPrivateKey(keyVersion, kek.kekId(), kek.seal(scalar, CustodyAad.of(participantId, keyVersion)));
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /**
     * Opens a sealed key of {@code participantId}. The caller owns the handle and must destroy it after use.
     *
     * @throws CustodyException if it was sealed for another participant or version, under another KEK, or was tampered
     * with
     */
    public X25519PrivateKey open(String participantId, SealedPrivateKey sealed) {
        if (!sealed.kekId().equals(kek.kekId())) {
            throw new CustodyException("key " + participantId + " v" + sealed.keyVersion() + " is sealed under KEK "
                    + sealed.kekId() + ", not the configured " + kek.kekId());
        }
        try {
            return X25519PrivateKey.takeOwnershipOf(kek.open(sealed.sealed(), CustodyAad.of(participantId, sealed.keyVersion())));
        } catch (KekException e) {
            throw new CustodyException("cannot open key " + participantId + " v" + sealed.keyVersion(), e);
        }
    }

    /**
     * Seals the Ed25519 seed of {@code signingKey} as version {@code keyVersion} of the reserved id {@code ownerId}.
     */
    public SealedPrivateKey sealSigningKey(String ownerId, int keyVersion, Ed25519SigningKey signingKey) {
        byte[] seed = signingKey.exposeSecretBytesForCustodySealing();
        try {
            return new SealedPrivateKey(keyVersion, kek.kekId(), kek.seal(seed, CustodyAad.of(ownerId, keyVersion)));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Opens a sealed Ed25519 signing key of the reserved id {@code ownerId}. The caller owns the handle.
     *
     * @throws CustodyException if it was sealed for another id or version, under another KEK, or was tampered with
     */
    public Ed25519SigningKey openSigningKey(String ownerId, SealedPrivateKey sealed) {
        if (!sealed.kekId().equals(kek.kekId())) {
            throw new CustodyException("signing key " + ownerId + " v" + sealed.keyVersion() + " is sealed under KEK "
                    + sealed.kekId() + ", not the configured " + kek.kekId());
        }
        try {
            return Ed25519SigningKey.takeOwnershipOf(kek.open(sealed.sealed(), CustodyAad.of(ownerId, sealed.keyVersion())));
        } catch (KekException e) {
            throw new CustodyException("cannot open signing key " + ownerId + " v" + sealed.keyVersion(), e);
        }
    }
}
