package dev.ctx.keyservice.escrow;

import java.util.Objects;

/** An escrow call was refused; its {@code ESCROW_DENIED} event was committed first (except for 503). */
public final class EscrowRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final EscrowRefusal refusal;

    public EscrowRefusedException(EscrowRefusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public EscrowRefusal refusal() {
        return refusal;
    }
}
