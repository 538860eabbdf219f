package dev.ctx.processor.keys;

import java.util.Objects;

import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.schemas.encrypted.RecipientType;

/** A recipient the DEK is wrapped for: its id, whether it is a participant or escrow, and its current public key. */
public record ResolvedRecipient(String id, RecipientType type, int keyVersion, X25519PublicKey publicKey) {

    public ResolvedRecipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
