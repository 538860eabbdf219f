package dev.ctx.schemas.commands;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One command to the single writer of {@code transactions.envelopes}: revoke one participant's access to one
 * transaction, or crypto-shred the transaction. Holds coordinates only, never key material.
 *
 * @param commandId random id; the key service answers it (202) and both access events name it
 * @param kind what to do
 * @param transactionId the transaction (also the record key, so the command is co-partitioned with its envelope)
 * @param participantId the participant whose wrap is revoked; empty for {@link EnvelopeCommandKind#SHRED}
 * @param requester the operator who asked (the authenticated subject)
 * @param reason why (required, 1..512 characters)
 * @param issuedAt when the key service accepted it (epoch milliseconds precision)
 */
public record EnvelopeCommand(
        UUID commandId,
        EnvelopeCommandKind kind,
        String transactionId,
        String participantId,
        String requester,
        String reason,
        Instant issuedAt) {

    /** Longest reason accepted. */
    public static final int MAX_REASON = 512;

    public EnvelopeCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (transactionId.isEmpty()) {
            throw new IllegalArgumentException("transactionId is empty");
        }
        if (kind == EnvelopeCommandKind.REVOKE_ACCESS && participantId.isEmpty()) {
            throw new IllegalArgumentException("a revocation names the participant");
        }
        if (kind == EnvelopeCommandKind.SHRED && !participantId.isEmpty()) {
            throw new IllegalArgumentException("a shred names no participant");
        }
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be 1.." + MAX_REASON + " characters");
        }
        issuedAt = Instant.ofEpochMilli(issuedAt.toEpochMilli());
    }

    /** A revocation of {@code participantId}'s wrap in {@code transactionId}. */
    public static EnvelopeCommand revokeAccess(
            String transactionId, String participantId, String requester, String reason, Instant at) {
        return new EnvelopeCommand(
                UUID.randomUUID(),
                EnvelopeCommandKind.REVOKE_ACCESS,
                transactionId,
                participantId,
                requester,
                reason,
                at);
    }

    /** A crypto-shred of {@code transactionId}. */
    public static EnvelopeCommand shred(String transactionId, String requester, String reason, Instant at) {
        return new EnvelopeCommand(
                UUID.randomUUID(), EnvelopeCommandKind.SHRED, transactionId, "", requester, reason, at);
    }
}
