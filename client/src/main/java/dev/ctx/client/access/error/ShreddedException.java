package dev.ctx.client.access.error;

/** 410 SHREDDED: the transaction was crypto-shredded; nobody can open it any more. */
public class ShreddedException extends KeyServiceException {

    private static final long serialVersionUID = 1L;

    public ShreddedException(Problem problem) {
        super(problem);
    }
}
