package dev.ctx.keyservice.access;

/** Why an access request released nothing: the problem body's {@code reason} and its HTTP status. */
public enum DenialReason {
    MALFORMED_REQUEST(400),
    STEP_UP_REQUIRED(401),
    NOT_A_PARTICIPANT(403),
    PURPOSE_NOT_IN_POLICY(403),
    PURPOSE_NOT_ALLOWED_FOR_PARTICIPANT(403),
    OUTSIDE_POLICY_WINDOW(403),
    GRANT_NOT_VALID(403),
    PARTICIPANT_NOT_ACTIVE(403),
    KYC_NOT_VERIFIED(403),
    FIELD_NOT_ALLOWED(403),
    ACCESS_REVOKED(403),
    UNKNOWN_TRANSACTION(404),
    PARTICIPANT_HELD_KEY(409),
    SHREDDED(410),
    INTEGRITY_FAILURE(422),
    AUDIT_UNAVAILABLE(503);

    private final int status;

    DenialReason(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
