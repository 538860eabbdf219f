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
}
