package dev.ctx.processor.keys;

import java.util.Optional;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KeyringPublicKeys;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/** Finds the current ACTIVE X25519 key of a keyring. */
final class CurrentKeys {

    private CurrentKeys() {}

    /** The key whose version is the keyring's current (positive) version, if it is ACTIVE, X25519 and well-formed. */
    static Optional<X25519PublicKey> activeKey(ParticipantKeyring keyring) {
        return keyring.getKeys().stream()
                .filter(key -> key.getVersion() >= 1 && key.getVersion() == keyring.getCurrentVersion())
                .filter(key ->
                        key.getStatus() == KeyStatus.ACTIVE && KeyringPublicKeys.X25519.equals(key.getAlgorithm()))
                .findFirst()
                .flatMap(CurrentKeys::decode);
    }

    private static Optional<X25519PublicKey> decode(PublicKeyVersion key) {
        try {
            return Optional.of(KeyringPublicKeys.x25519(key));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
