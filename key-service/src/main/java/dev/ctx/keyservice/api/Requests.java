package dev.ctx.keyservice.api;

import java.util.List;
import java.util.Locale;

import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/** Request bodies. Unknown fields are rejected by the mapper; enum-like fields are parsed here, case-insensitively. */
final class Requests {

    private Requests() {}

    /**
     * POST /v1/participants.
     *
     * @param id participant id
     * @param role client, miner, auditor or compliance
     * @param kycStatus pending, verified, rejected or expired (default pending)
     * @param allowedPurposes purposes it may request access for (default none)
     */
    record RegisterParticipant(String id, String role, String kycStatus, List<String> allowedPurposes) {

        ParticipantRole parsedRole() {
            ParticipantRole parsed = parse(ParticipantRole.class, "role", role);
            if (parsed == null || parsed == ParticipantRole.ESCROW || parsed == ParticipantRole.UNKNOWN) {
                throw ApiException.badRequest(
                        "invalid-field", "role must be one of client, miner, auditor, compliance");
            }
            return parsed;
        }

        KycStatus parsedKyc() {
            KycStatus parsed = parse(KycStatus.class, "kycStatus", kycStatus);
            return parsed == null ? KycStatus.PENDING : parsed;
        }
    }

    /**
     * PATCH /v1/participants/{id}: every field optional.
     *
     * @param status active, suspended or revoked
     * @param kycStatus pending, verified, rejected or expired
     * @param allowedPurposes replaces the purposes
     * @param expectedRevision the revision the caller saw; 409 when stale
     */
    /**
     * {@code POST /v1/participants/{id}/keys}: empty, {@code {}} or no {@code publicKey} for a custodial key; else
     * base64 of the participant's own 32-byte X25519 public key.
     */
    record CreateKey(String publicKey) {}

    /**
     * {@code POST .../keys/{version}/retire}: the rewrap job states how many envelopes still wrap under the version.
     */
    record Retire(Integer remainingEnvelopes) {}

    /** {@code POST /v1/participants/{id}/keys/{version}/proof}: base64 of the opened challenge. */
    record PossessionProof(String challengeId, String answer) {}

    record UpdateParticipant(String status, String kycStatus, List<String> allowedPurposes, Long expectedRevision) {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            E parsed = Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            if (parsed.name().equals("UNKNOWN")) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-field", field + " has an unsupported value");
        }
    }

    static List<String> purposes(List<String> purposes) {
        if (purposes == null) {
            return null;
        }
        if (purposes.size() > 32
                || purposes.stream().anyMatch(p -> p == null || !p.matches("[a-z0-9][a-z0-9._-]{0,63}"))) {
            throw ApiException.badRequest("invalid-field", "allowedPurposes must be at most 32 ids of [a-z0-9._-]");
        }
        return List.copyOf(purposes);
    }

    static ParticipantStatus status(String value) {
        return parse(ParticipantStatus.class, "status", value);
    }
}
