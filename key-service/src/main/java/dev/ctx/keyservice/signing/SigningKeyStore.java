package dev.ctx.keyservice.signing;

import java.util.List;
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

    /** Every owner id a signing key was stored under that starts with {@code prefix}, in any order. */
    List<String> signingKeyOwners(String prefix);
}
