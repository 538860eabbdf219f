package dev.ctx.keyservice.receipts;

/** Internal: a refusal found while preparing a proof; its message names no secret. Carries no stack trace. */
final class ProofRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProofDenial reason;
    private final String transactionId;

    ProofRefusal(ProofDenial reason, String transactionId, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.transactionId = transactionId;
    }

    ProofDenial reason() {
        return reason;
    }

    /** The transaction the refusal is about, or null. */
    String transactionId() {
        return transactionId;
    }
}
