package dev.ctx.envelope;

import java.util.Objects;

import dev.ctx.envelope.format.Recipients;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * Who a DEK is wrapped for: a participant id (or {@link #ESCROW_ID}), the key version, and that version's public key.
 * Immutable and validated.
 */
public record Recipient(String recipientId, int keyVersion, X25519PublicKey publicKey) {

    /** Reserved recipient id of the audit escrow key. */
    public static final String ESCROW_ID = Recipients.ESCROW_ID;

    public Recipient {
        Recipients.checkId(recipientId);
        Recipients.checkKeyVersion(keyVersion);
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The escrow recipient at {@code keyVersion}. */
    public static Recipient escrow(int keyVersion, X25519PublicKey publicKey) {
        return new Recipient(ESCROW_ID, keyVersion, publicKey);
    }

    public boolean isEscrow() {
        return ESCROW_ID.equals(recipientId);
    }
}
