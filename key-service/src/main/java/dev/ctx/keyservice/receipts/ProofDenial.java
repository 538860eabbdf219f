package dev.ctx.keyservice.receipts;

/** Why a receipt-proof request got no proof: the problem body's {@code reason} and its HTTP status. */
public enum ProofDenial {
    MALFORMED_REQUEST(400),
    TOO_MANY_TRANSACTIONS(400),
    STEP_UP_REQUIRED(401),
    NOT_A_PARTICIPANT(403),
    PARTICIPANT_NOT_ACTIVE(403),
    KYC_NOT_VERIFIED(403),
    ACCESS_REVOKED(403),
    UNKNOWN_TRANSACTION(404),
    PARTICIPANT_HELD_KEY(409),
    SHREDDED(410),
    NO_RECEIPT(422),
    STATED_TOTAL_MISMATCH(422),
    INTEGRITY_FAILURE(422),
    AUDIT_UNAVAILABLE(503);

    private final int status;

    ProofDenial(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
