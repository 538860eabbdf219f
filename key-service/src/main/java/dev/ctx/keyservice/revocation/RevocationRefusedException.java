package dev.ctx.keyservice.revocation;

/**
 * A revocation or shred the key service refuses, with the HTTP status and reason code of its problem body: 404
 * {@code UNKNOWN_TRANSACTION}, 410 {@code SHREDDED}, 409 {@code NOT_A_PARTICIPANT} or {@code ESCROW_NOT_REVOCABLE}.
 * The message names ids only.
 */
public final class RevocationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public RevocationRefusedException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
