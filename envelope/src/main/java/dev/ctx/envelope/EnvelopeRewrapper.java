package dev.ctx.envelope;

import java.util.List;
import java.util.Objects;

import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
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
     * A batch whose rewraps of v2 wraps are epoch wraps under one fresh epoch (a new {@link
     * dev.ctx.envelope.format.EpochId}, fresh ephemeral keys, sequence numbers from 0), so no (context, sequence) pair
     * is ever reused; a v1 wrap (no seal id) is rewrapped per transaction as by {@link #rewrap}. Close it when the
     * batch ends: its epoch secrets are destroyed then. Thread-safe.
     */
    public EpochBatch epochBatch() {
        return new EpochBatch(new EpochWrapping(EpochPolicy.defaults(), randomness));
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

    /** The rewraps of one batch (see {@link #epochBatch()}). */
    public final class EpochBatch implements AutoCloseable {

        private final EpochWrapping epochs;

        private EpochBatch(EpochWrapping epochs) {
            this.epochs = epochs;
        }

        /**
         * As {@link EnvelopeRewrapper#rewrap}, the new wrap an epoch wrap of this batch's epoch when {@code wrap} is
         * v2.
         *
         * @throws IllegalStateException after {@link #close()}
         */
        public DekWrap rewrap(
                DekWrap wrap, RecipientPrivateKey oldKey, Recipient newRecipient, TransactionContext context) {
            Objects.requireNonNull(newRecipient, "newRecipient");
            SealId sealId = wrap.sealId().orElse(null);
            if (sealId == null || wrap.version() != FormatVersion.V2) {
                return EnvelopeRewrapper.this.rewrap(wrap, oldKey, newRecipient, context);
            }
            context.requireAdmits(newRecipient.recipientId());
            Dek dek = DekWrapping.unwrap(wrap, oldKey, context, epochContexts);
            try {
                return epochs.wrapAll(dek, List.of(newRecipient), sealId, context.aad(wrap.version(), sealId))
                        .get(0);
            } finally {
                dek.destroy();
            }
        }

        /** Ends the epoch and destroys its secrets. */
        @Override
        public void close() {
            epochs.close();
        }
    }
}
