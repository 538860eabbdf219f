package dev.ctx.keyservice.signing;

import java.util.Optional;

import dev.ctx.keyservice.custody.SealedPrivateKey;

/** Where the sealed keyring-signing key is kept (the {@code key-custody} topic in production). */
public interface SigningKeyStore {

    /** The sealed signing key stored under {@code ownerId}, if one was ever stored. */
    Optional<SealedPrivateKey> loadSigningKey(String ownerId);

    /**
     * Durably stores {@code sealed} under {@code ownerId}.
     *
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if the write was not acknowledged
     */
    void storeSigningKey(String ownerId, SealedPrivateKey sealed);
}
