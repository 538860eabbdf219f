package dev.ctx.keyservice.participants;

import java.time.Instant;
import java.util.List;

import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * A partial update of registry fields; null means "keep".
 *
 * @param status new participant status, or null
 * @param kycStatus new KYC status, or null
 * @param allowedPurposes new purposes, or null
 * @param expectedRevision the revision the caller last saw (409 when stale), or null for no check
 */
public record ParticipantUpdate(
        ParticipantStatus status, KycStatus kycStatus, List<String> allowedPurposes, Long expectedRevision) {

    Participant applyTo(Participant current, Instant now) {
        if (expectedRevision != null && expectedRevision != current.revision()) {
            throw new ConflictException("participant " + current.id() + " is at revision " + current.revision()
                    + ", not " + expectedRevision);
        }
        return current.withRegistryFields(
                status == null ? current.status() : status,
                kycStatus == null ? current.kycStatus() : kycStatus,
                allowedPurposes == null ? current.allowedPurposes() : allowedPurposes,
                now);
    }
}
