package dev.ctx.keyservice.lookup;

/** The view's topics are not co-partitioned, or cannot be checked: the view does not start. */
public final class ViewTopicsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ViewTopicsException(String message) {
        super(message);
    }

    public ViewTopicsException(String message, Throwable cause) {
        super(message, cause);
    }
}
