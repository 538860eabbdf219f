package dev.ctx.keyservice.byok;

/** The answer is not the challenge: the caller did not open it with the private key of the submitted key. 403. */
public final class ProofFailedException extends RuntimeException {

    /** The reason code of the refusal. */
    public static final String REASON = "PROOF_FAILED";

    public ProofFailedException(String participantId, int version) {
        super("the answer does not prove possession of the key proposed as " + participantId + " v" + version);
    }
}
