package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.Optional;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/** The grants in force, rebuilt from the grants topic on start. Thread-safe. */
public interface GrantBook {

    /**
     * A grant that lets {@code grantee} read {@code transaction} for {@code purpose} at {@code now}: not revoked,
     * inside its window, covering the transaction. Empty if none does.
     */
    Optional<Grant> find(String grantee, EncryptedTransaction transaction, String purpose, Instant now);

    /**
     * Whether {@code grantee} holds or held a grant covering {@code transaction} that {@link #find} does not return
     * (expired, not yet valid, revoked, or for another purpose), so a refusal can say {@code GRANT_NOT_VALID} rather
     * than {@code NOT_A_PARTICIPANT}. Only the reason code depends on it, never the decision. Default: false.
     */
    default boolean heldLapsed(String grantee, EncryptedTransaction transaction, Instant now) {
        return false;
    }
}
