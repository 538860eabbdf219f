package dev.ctx.keyservice.rewrap;

import java.util.Objects;

import dev.ctx.envelope.format.DekWrap;

/** The answer for one item: a new wrap, or why there is none. */
public sealed interface RewrapResult {

    String transactionId();

    int generation();

    /**
     * The recipient's new wrap of the same DEK, for the target key version (public: safe to log by coordinates).
     *
     * @param viaEscrowKey the escrow private key unwrapped the DEK: the escrow wrap itself was rotated, or the old
     *     version was participant-held and the envelope's escrow wrap was used
     */
    record Rewrapped(String transactionId, int generation, DekWrap wrap, boolean viaEscrowKey) implements RewrapResult {
        public Rewrapped {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(wrap, "wrap");
        }
    }

    /** No new wrap: the envelope stays as it is. */
    record Failed(String transactionId, int generation, RewrapError error) implements RewrapResult {
        public Failed {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(error, "error");
        }
    }
}
