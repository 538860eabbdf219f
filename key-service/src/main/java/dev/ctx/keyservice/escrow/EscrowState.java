package dev.ctx.keyservice.escrow;

/**
 * Where an escrow request is: FILED, then APPROVED after two approvals, then OPENED once opened; or closed for good by
 * a rejection, a withdrawal or its expiry.
 */
public enum EscrowState {
    FILED,
    APPROVED,
    OPENED,
    REJECTED,
    WITHDRAWN,
    EXPIRED;

    /** REJECTED, WITHDRAWN or EXPIRED: nothing changes any more. */
    public boolean isClosed() {
        return this == REJECTED || this == WITHDRAWN || this == EXPIRED;
    }
}
