package dev.ctx.keyservice.escrow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a requester files, as asked (checked by {@link EscrowRules#filed}).
 *
 * @param transactionIds the transactions to open
 * @param authorizationReference the recorded authorization, e.g. a court-order number
 * @param legalBasis the legal basis
 * @param reason why
 * @param fields the confidential fields to open; null for every confidential field
 * @param expiresAt when the request lapses; exactly one of {@code expiresAt} and {@code expiresIn}
 * @param expiresIn how long from now the request lives
 * @param scope instead of {@code transactionIds}: a participant and time range, resolved to ids when filed; or null
 */
public record EscrowFiling(
        List<String> transactionIds,
        String authorizationReference,
        String legalBasis,
        String reason,
        List<String> fields,
        Instant expiresAt,
        Duration expiresIn,
        ParticipantScope scope) {

    /** A filing naming its transactions. */
    public EscrowFiling(
            List<String> transactionIds,
            String authorizationReference,
            String legalBasis,
            String reason,
            List<String> fields,
            Instant expiresAt,
            Duration expiresIn) {
        this(transactionIds, authorizationReference, legalBasis, reason, fields, expiresAt, expiresIn, null);
    }

    /** The same filing naming {@code ids} (what a scope resolved to) instead of its scope. */
    EscrowFiling resolvedTo(List<String> ids) {
        return new EscrowFiling(ids, authorizationReference, legalBasis, reason, fields, expiresAt, expiresIn, null);
    }

    /**
     * The transactions of {@code participantId} whose timestamp is in [{@code from}, {@code to}).
     *
     * @param participantId the participant the transactions list
     * @param from start of the range, inclusive
     * @param to end of the range, exclusive
     */
    public record ParticipantScope(String participantId, Instant from, Instant to) {}
}
