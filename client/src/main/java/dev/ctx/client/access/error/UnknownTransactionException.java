package dev.ctx.client.access.error;

/** 404 UNKNOWN_TRANSACTION: the key service knows no transaction of that id. */
public class UnknownTransactionException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public UnknownTransactionException(Problem problem) {
        super(problem);
    }
}
