package dev.ctx.client.access.error;

/** 403 PROOF_FAILED: the answer to a proof-of-possession challenge was wrong. */
public class ProofFailedException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    public ProofFailedException(Problem problem) {
        super(problem);
    }
}
