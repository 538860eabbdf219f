package dev.ctx.schemas.confidential;

/**
 * The sealed-record schema is not registered under its subject and {@code auto.register.schemas=false} forbids
 * registering it; the processor does not start (a consumer could not fetch the schema of what it seals).
 */
public final class SealedSchemaNotRegisteredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String subject;

    public SealedSchemaNotRegisteredException(String subject, String fingerprintHex, Throwable cause) {
        super(
                "the sealed-record schema (fingerprint " + fingerprintHex + ") is not registered under subject "
                        + subject + " and auto.register.schemas=false; register it in "
                        + "the deploy pipeline (docs/topics-and-records.md)",
                cause);
        this.subject = subject;
    }

    /** The subject that lacks the schema. */
    public String subject() {
        return subject;
    }
}
