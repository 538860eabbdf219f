package dev.ctx.keyservice.api;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.ctx.keyservice.byok.IssuedChallenge;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.schemas.keys.KeyringPublicKeys;

/** Response bodies: public data only. */
final class Responses {

    private Responses() {}

    /**
     * A participant's registry entry and public keyring.
     */
    record ParticipantView(
            String id,
            String role,
            String status,
            String kycStatus,
            List<String> allowedPurposes,
            int currentVersion,
            List<KeyView> keys,
            long revision,
            String updatedAt) {

        static ParticipantView of(Participant p) {
            return new ParticipantView(
                    p.id().value(),
                    lower(p.role()),
                    lower(p.status()),
                    lower(p.kycStatus()),
                    p.allowedPurposes(),
                    p.currentVersion(),
                    p.keys().stream().map(KeyView::of).toList(),
                    p.revision(),
                    p.updatedAt().toString());
        }
    }

    /**
     * One public key version; {@code publicKey} is base64url (no padding) of the 32-byte X25519 key and
     * {@code fingerprint} the lower-case hex SHA-256 of those bytes (what the processor's
     * {@code escrow.public.key.fingerprint} pins for the escrow key).
     */
    record KeyView(
            int version, String algorithm, String publicKey, String fingerprint, String createdAt, String status) {

        static KeyView of(KeyVersion k) {
            byte[] bytes = k.publicKey().bytes();
            return new KeyView(
                    k.version(),
                    KeyringPublicKeys.X25519,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                    k.publicKey().fingerprint(),
                    k.createdAt().toString(),
                    lower(k.status()));
        }
    }

    /** A proof-of-possession challenge (202); byte fields in standard base64. */
    record PossessionChallenge(
            String challengeId,
            int keyVersion,
            String enc,
            String ciphertext,
            String info,
            String aad,
            String expiresAt) {

        static PossessionChallenge of(IssuedChallenge c) {
            Base64.Encoder b64 = Base64.getEncoder();
            return new PossessionChallenge(
                    c.challengeId(),
                    c.keyVersion(),
                    b64.encodeToString(c.enc()),
                    b64.encodeToString(c.ciphertext()),
                    b64.encodeToString(c.info()),
                    b64.encodeToString(c.aad()),
                    c.expiresAt().toString());
        }
    }

    /** The public keys of one participant. */
    record KeyList(String participantId, int currentVersion, List<KeyView> keys) {}

    /** The outcome of a rotation-policy run. */
    record RotationRun(String maxAge, List<Rotated> rotated) {}

    /** One key rotated by the policy. */
    record Rotated(String participantId, int version) {}

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
