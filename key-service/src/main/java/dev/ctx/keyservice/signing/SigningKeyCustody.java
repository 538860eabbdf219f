package dev.ctx.keyservice.signing;

import java.security.SecureRandom;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.custody.SealedPrivateKey;

/** Opens the stored keyring-signing key, or generates, seals and stores one on the very first start. */
public final class SigningKeyCustody {

    /** The reserved custody id of the keyring-signing key; never a valid participant id. */
    public static final String RESERVED_ID = "__keyring-signer";
    /** The custody key version of the signing key (one key per store; rotation would add version 2). */
    public static final int KEY_VERSION = 1;

    private static final Logger LOGGER = LoggerFactory.getLogger(SigningKeyCustody.class);

    private SigningKeyCustody() {}

    /**
     * The signer, and whether it was created by this call (the first start with signed keyrings, when keyrings written
     * before are still unsigned).
     *
     * @param signer the signer
     * @param created true when no signing key was stored before
     */
    public record Opened(KeyringSigner signer, boolean created) {}

    /**
     * @throws dev.ctx.keyservice.custody.CustodyException if a stored key does not open under this KEK (never replaced:
     *         a new key would silently invalidate every processor's pin)
     */
    public static KeyringSigner openOrCreate(SigningKeyStore store, KeyCustodian custodian, SecureRandom random) {
        return open(store, custodian, random).signer();
    }

    /** Like {@link #openOrCreate}, also telling whether the key was created now. */
    public static Opened open(SigningKeyStore store, KeyCustodian custodian, SecureRandom random) {
        Optional<SealedPrivateKey> stored = store.loadSigningKey(RESERVED_ID);
        Ed25519SigningKey key;
        if (stored.isPresent()) {
            key = custodian.openSigningKey(RESERVED_ID, stored.get());
            LOGGER.atInfo()
                    .addKeyValue("fingerprint", key.verifyingKey().fingerprint())
                    .log("keyring-signing key opened");
            return new Opened(new KeyringSigner(key), false);
        } else {
            key = Ed25519SigningKey.generate(random);
            store.storeSigningKey(RESERVED_ID, custodian.sealSigningKey(RESERVED_ID, KEY_VERSION, key));
            LOGGER.atInfo()
                    .addKeyValue("fingerprint", key.verifyingKey().fingerprint())
                    .log("keyring-signing key generated; pin its public key in every processor");
            return new Opened(new KeyringSigner(key), true);
        }
    }
}
