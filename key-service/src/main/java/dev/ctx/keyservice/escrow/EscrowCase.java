package dev.ctx.keyservice.escrow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One escrow request and everything that happened to it, as stored on {@code escrow-requests} (record
 * {@code EscrowRequest}). Immutable; each transition returns the next case. Never holds confidential data.
 *
 * @param requestId UUID, the record key
 * @param transactionIds the transactions to open, as filed
 * @param authorizationReference the recorded authorization (court order number, ...)
 * @param legalBasis the legal basis
 * @param reason why it was filed
 * @param fields confidential field names to open, sorted
 * @param requestedBy who filed it; the only one who may open or withdraw it
 * @param requestedAt when
 * @param expiresAt exclusive end: nothing is approved or opened at or after it
 * @param state the lifecycle state
 * @param approvals distinct approving officers, oldest first
 * @param closedBy who rejected or withdrew it (or the expiry sweep); null while open
 * @param closedAt when it was closed; null while open
 * @param closingReason the rejection's reason; null otherwise
 * @param maxOpens how many opens it allows
 * @param opens how many opens were committed
 * @param lastOpenedAt the last open; null before the first
 */
public record EscrowCase(
        String requestId,
        List<String> transactionIds,
        String authorizationReference,
        String legalBasis,
        String reason,
        List<String> fields,
        String requestedBy,
        Instant requestedAt,
        Instant expiresAt,
        EscrowState state,
        List<OfficerApproval> approvals,
        String closedBy,
        Instant closedAt,
        String closingReason,
        int maxOpens,
        int opens,
        Instant lastOpenedAt) {

    /** Approvals an escrow request needs: the two-person rule. */
    public static final int APPROVALS_NEEDED = 2;

    public EscrowCase {
        Objects.requireNonNull(requestId, "requestId");
        transactionIds = List.copyOf(transactionIds);
        Objects.requireNonNull(authorizationReference, "authorizationReference");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(reason, "reason");
        fields = List.copyOf(fields);
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        approvals = List.copyOf(approvals);
    }

    /** The officers who approved, oldest first. */
    public List<String> approvers() {
        return approvals.stream().map(OfficerApproval::officer).toList();
    }

    public boolean isApprovedBy(String officer) {
        return approvals.stream().anyMatch(a -> a.officer().equals(officer));
    }

    /** Whether {@code now} is at or after the expiry. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** With {@code officer}'s approval; APPROVED once it holds {@link #APPROVALS_NEEDED}. */
    EscrowCase approvedBy(String officer, Instant now) {
        List<OfficerApproval> next = new ArrayList<>(approvals);
        next.add(new OfficerApproval(officer, now));
        EscrowState nextState = next.size() >= APPROVALS_NEEDED ? EscrowState.APPROVED : state;
        return with(nextState, next, closedBy, closedAt, closingReason, opens, lastOpenedAt);
    }

    /** Closed for good: REJECTED, WITHDRAWN or EXPIRED. */
    EscrowCase closed(EscrowState closedState, String by, Instant now, String why) {
        return with(closedState, approvals, by, now, why, opens, lastOpenedAt);
    }

    /** One more open committed. */
    EscrowCase openedOnce(Instant now) {
        return with(EscrowState.OPENED, approvals, closedBy, closedAt, closingReason, opens + 1, now);
    }

    /**
     * How far the case got, to keep the further one of two records of the same request: closed beats open, then more
     * opens, then more approvals, then the later state.
     */
    long progress() {
        return (state.isClosed() ? 1L << 40 : 0L)
                + ((long) opens << 20)
                + ((long) approvals.size() << 8)
                + state.ordinal();
    }

    private EscrowCase with(
            EscrowState nextState,
            List<OfficerApproval> nextApprovals,
            String by,
            Instant at,
            String why,
            int nextOpens,
            Instant opened) {
        return new EscrowCase(
                requestId,
                transactionIds,
                authorizationReference,
                legalBasis,
                reason,
                fields,
                requestedBy,
                requestedAt,
                expiresAt,
                nextState,
                nextApprovals,
                by,
                at,
                why,
                maxOpens,
                nextOpens,
                opened);
    }
}
