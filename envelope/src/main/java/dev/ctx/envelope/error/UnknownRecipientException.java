package dev.ctx.envelope.error;

/** No wrap exists for the requested recipient id and key version. */
public class UnknownRecipientException extends EnvelopeException {

    private static final long serialVersionUID = 1L;

    public UnknownRecipientException(String message) {
        super(message);
    }

    public UnknownRecipientException(String message, Throwable cause) {
        super(message, cause);
    }
}
