package dev.ctx.keyservice.signing;

import java.util.Objects;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;

/**
 * Signs keyrings with the key service's Ed25519 key: sets {@code signatureKeyId} to the key's fingerprint, then the
 * {@code signature} over canonical form v1. Thread-safe; {@link #toString()} shows only the fingerprint.
 */
public final class KeyringSigner {

    private final Ed25519SigningKey key;

    public KeyringSigner(Ed25519SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** {@code keyring} with its signature key id and signature set (any earlier signature is replaced). */
    public ParticipantKeyring sign(ParticipantKeyring keyring) {
        ParticipantKeyring withKeyId = ParticipantKeyring.newBuilder(keyring)
                .setSignatureKeyId(key.verifyingKey().fingerprint())
                .setSignature(null)
                .build();
        return KeyringSigningInput.withSignature(withKeyId, key.sign(KeyringSigningInput.canonicalBytes(withKeyId)));
    }

    /** Whether {@code keyring} carries a valid signature by this signer (its content unchanged since signing). */
    public boolean signed(ParticipantKeyring keyring) {
        byte[] signature = KeyringSigningInput.signatureOf(keyring);
        return signature != null && key.verifyingKey().verify(KeyringSigningInput.canonicalBytes(keyring), signature);
    }

    /** The public key that verifies what this signer signs. */
    public Ed25519VerifyingKey verifyingKey() {
        return key.verifyingKey();
    }

    @Override
    public String toString() {
        return "KeyringSigner[sha256=" + key.verifyingKey().fingerprint() + "]";
    }
}
