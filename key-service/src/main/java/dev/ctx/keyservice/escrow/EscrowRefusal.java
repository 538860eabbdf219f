package dev.ctx.keyservice.escrow;

/**
 * Why an escrow call was refused, with its HTTP status; the problem body's {@code reason} and the {@code ESCROW_DENIED}
 * event's reason code are the name.
 */
public enum EscrowRefusal {
    /** The body breaks a rule (400). */
    INVALID_REQUEST(400),
    /** No second factor (JWT amr mfa, otp or hwk) or client certificate: mandatory for file, approve and open (401). */
    STEP_UP_REQUIRED(401),
    /** The caller's role may not do this: file needs auditor or compliance, approve and reject compliance (403). */
    ROLE_NOT_ALLOWED(403),
    /** The requester may not approve its own request (403). */
    SELF_APPROVAL(403),
    /** Only the requester opens or withdraws a request (403). */
    NOT_REQUESTER(403),
    /** No request has this id (404). */
    UNKNOWN_REQUEST(404),
    /** This officer approved before; an officer counts once (409). */
    DUPLICATE_APPROVAL(409),
    /** Not approved by two officers yet (409). */
    NOT_APPROVED(409),
    /** Already approved: no more approvals are taken (409). */
    ALREADY_APPROVED(409),
    /** Rejected or withdrawn (409). */
    REQUEST_CLOSED(409),
    /** At or after its expiry (409). */
    REQUEST_EXPIRED(409),
    /** Opened {@code maxOpens} times already (409). */
    OPEN_LIMIT_REACHED(409),
    /** None of the named transactions could be opened (unknown, shredded or failing integrity); not counted (409). */
    NOTHING_OPENED(409),
    /** The state change or its event could not be committed; nothing changed and nothing was opened (503). */
    STORE_UNAVAILABLE(503);

    private final int status;

    EscrowRefusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
