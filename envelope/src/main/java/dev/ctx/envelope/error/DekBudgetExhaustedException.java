package dev.ctx.envelope.error;

/** A DEK was asked to encrypt more often than its budget allows. */
public class DekBudgetExhaustedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public DekBudgetExhaustedException(String message) {
        super(message);
    }
}
