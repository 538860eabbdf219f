package dev.ctx.processor.rewrap;

/**
 * The key service answered 409: the requested target version is not the participant's current ACTIVE version (a newer
 * rotation happened, or the keyring seen here is stale). The batch stays queued; the next keyring moves its target.
 */
public final class RewrapVersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RewrapVersionConflictException(String message) {
        super(message);
    }
}
