package dev.ctx.keyservice.kek;

/**
 * A PKCS#11 KEK was refused because the token does not vouch that its bytes can never leave it. The message names the
 * alias and the attribute that failed, never key material.
 */
public final class ExtractableKekException extends KekException {

    /** Why the key was refused. */
    public enum Reason {
        /** {@code CKA_EXTRACTABLE} is true: the key can be wrapped out of the token. */
        EXTRACTABLE,
        /** {@code CKA_NEVER_EXTRACTABLE} is false: the key was extractable at some point (or imported). */
        ONCE_EXTRACTABLE,
        /** The attributes could not be read, so the key is refused (fail closed). */
        UNVERIFIABLE
    }

    private final String alias;
    private final Reason reason;

    public ExtractableKekException(String alias, Reason reason, String message) {
        super(message);
        this.alias = alias;
        this.reason = reason;
    }

    public ExtractableKekException(String alias, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.alias = alias;
        this.reason = reason;
    }

    public String alias() {
        return alias;
    }

    public Reason reason() {
        return reason;
    }
}
