package dev.ctx.envelope;

import java.util.Objects;

import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * Moves a DEK wrap from an old key to a new recipient key (rotation) without the DEK leaving the library: unwrap with
 * the old private key, wrap for the new recipient with a fresh ephemeral key, zero the DEK. The new wrap keeps the old
 * wrap's format version and seal id, so it opens the same ciphertext. An epoch wrap is rewrapped as a per-transaction
 * wrap of its seal's version (v2): the new key has no epoch context. Thread-safe.
 */
public final class EnvelopeRewrapper {

    private final SealRandomness randomness;
    private final EpochContextCache epochContexts;

    private EnvelopeRewrapper(SealRandomness randomness, EpochContextCache epochContexts) {
        this.randomness = randomness;
        this.epochContexts = epochContexts;
    }

    public static EnvelopeRewrapper create() {
        return create(EpochContextCache.withCapacity(EpochContextCache.DEFAULT_CAPACITY));
    }

    /** A rewrapper that opens epoch wraps through {@code epochContexts}. */
    public static EnvelopeRewrapper create(EpochContextCache epochContexts) {
        return new EnvelopeRewrapper(SealRandomness.secure(), Objects.requireNonNull(epochContexts, "epochContexts"));
    }

    /**
     * Re-wraps the DEK in {@code wrap} for {@code newRecipient}.
     *
     * @throws dev.ctx.envelope.error.InvalidInputException if {@code newRecipient} is neither a participant of the
     * transaction nor the escrow
     * @throws dev.ctx.envelope.error.RecipientMismatchException if {@code wrap} is not addressed to {@code oldKey}
     * @throws dev.ctx.envelope.error.AuthenticationFailedException if the old wrap does not open
     */
    public DekWrap rewrap(
            DekWrap wrap, RecipientPrivateKey oldKey, Recipient newRecipient, TransactionContext context) {
        Objects.requireNonNull(newRecipient, "newRecipient");
        context.requireAdmits(newRecipient.recipientId());
        Dek dek = DekWrapping.unwrap(wrap, oldKey, context, epochContexts);
        X25519KeyPair ephemeral = randomness.newEphemeral();
        try {
            SealId sealId = wrap.sealId().orElse(null);
            return DekWrapping.wrap(
                    dek, ephemeral, newRecipient, context, wrap.version(), sealId, context.aad(wrap.version(), sealId));
        } finally {
            ephemeral.destroy();
            dek.destroy();
        }
    }
}
