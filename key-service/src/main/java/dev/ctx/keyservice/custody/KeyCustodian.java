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
        return sealZeroing(participantId, keyVersion, privateKey.exposeSecretBytesForCustodySealing());
    }

    /**
     * Opens a sealed key of {@code participantId}. The caller owns the handle and must destroy it after use.
     *
     * @throws CustodyException if it was sealed for another participant or version, under another KEK, or was
     *         tampered with
     */
    public X25519PrivateKey open(String participantId, SealedPrivateKey sealed) {
        return X25519PrivateKey.takeOwnershipOf(openBytes("key", participantId, sealed));
    }

    /**
     * Seals the Ed25519 seed of {@code signingKey} as version {@code keyVersion} of the reserved id {@code ownerId}.
     */
    public SealedPrivateKey sealSigningKey(String ownerId, int keyVersion, Ed25519SigningKey signingKey) {
        return sealZeroing(ownerId, keyVersion, signingKey.exposeSecretBytesForCustodySealing());
    }

    /**
     * Opens a sealed Ed25519 signing key of the reserved id {@code ownerId}. The caller owns the handle.
     *
     * @throws CustodyException if it was sealed for another id or version, under another KEK, or was tampered with
     */
    public Ed25519SigningKey openSigningKey(String ownerId, SealedPrivateKey sealed) {
        return Ed25519SigningKey.takeOwnershipOf(openBytes("signing key", ownerId, sealed));
    }

    private SealedPrivateKey sealZeroing(String ownerId, int keyVersion, byte[] secret) {
        try {
            return new SealedPrivateKey(keyVersion, kek.kekId(), kek.seal(secret, CustodyAad.of(ownerId, keyVersion)));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private byte[] openBytes(String what, String ownerId, SealedPrivateKey sealed) {
        if (!sealed.kekId().equals(kek.kekId())) {
            throw new CustodyException(what + " " + ownerId + " v" + sealed.keyVersion() + " is sealed under KEK "
                    + sealed.kekId() + ", not the configured " + kek.kekId());
        }
        try {
            return kek.open(sealed.sealed(), CustodyAad.of(ownerId, sealed.keyVersion()));
        } catch (KekException e) {
            throw new CustodyException("cannot open " + what + " " + ownerId + " v" + sealed.keyVersion(), e);
        }
    }
}
