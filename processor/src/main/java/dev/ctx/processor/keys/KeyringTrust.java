package dev.ctx.processor.keys;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;

/**
 * Decides whether a keyring read from {@code participant-keys} came from the key service: signed with the pinned
 * Ed25519 key over canonical form v1, stored under its own participant id, and, for the escrow keyring, with a current
 * key whose SHA-256 fingerprint is pinned too. Immutable and thread-safe.
 *
 * @param signingKey the pinned keyring-signing public key ({@code keyring.signing.public.key})
 * @param escrowFingerprints lower-case hex SHA-256 fingerprints of the accepted escrow public keys
 *        ({@code escrow.public.key.fingerprint}); more than one only while the escrow key rotates
 */
public record KeyringTrust(Ed25519VerifyingKey signingKey, Set<String> escrowFingerprints) {

    public KeyringTrust {
        Objects.requireNonNull(signingKey, "signingKey");
        escrowFingerprints = escrowFingerprints.stream()
                .map(f -> f.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (escrowFingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one escrow fingerprint must be pinned");
        }
    }

    /** Empty if {@code keyring} (stored under {@code recordKey}) is trusted; otherwise the first problem found. */
    public Optional<UntrustedReason> check(String recordKey, ParticipantKeyring keyring) {
        byte[] signature = KeyringSigningInput.signatureOf(keyring);
        if (signature == null || signature.length != Ed25519VerifyingKey.SIGNATURE_LENGTH) {
            return Optional.of(UntrustedReason.UNSIGNED);
        }
        if (!signingKey.verify(KeyringSigningInput.canonicalBytes(keyring), signature)) {
            return Optional.of(UntrustedReason.BAD_SIGNATURE);
        }
        if (!keyring.getParticipantId().equals(recordKey)) {
            return Optional.of(UntrustedReason.RECORD_KEY_MISMATCH);
        }
        if (Recipient.ESCROW_ID.equals(recordKey) && !escrowKeyIsPinned(keyring)) {
            return Optional.of(UntrustedReason.ESCROW_KEY_NOT_PINNED);
        }
        return Optional.empty();
    }

    /** A signed escrow keyring without a usable current key is let through: the resolver refuses it as unavailable. */
    private boolean escrowKeyIsPinned(ParticipantKeyring keyring) {
        Optional<X25519PublicKey> current = CurrentKeys.activeKey(keyring);
        return current.isEmpty() || escrowFingerprints.contains(current.get().fingerprint());
    }

    @Override
    public String toString() {
        return "KeyringTrust[signingKey=" + signingKey.fingerprint() + ", escrowFingerprints=" + escrowFingerprints
                + "]";
    }
}
