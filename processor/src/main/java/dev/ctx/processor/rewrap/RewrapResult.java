package dev.ctx.processor.rewrap;

import java.util.Objects;
import java.util.Optional;

import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * The key service's answer for one item: the new wrap, or an error code.
 *
 * @param wrap the new wrap (recipient id and key version set), or {@code null} with an error
 * @param error {@code null} with a wrap
 * @param viaEscrowKey the key service unwrapped the DEK with the escrow key (an escrow rotation, or a participant-held
 *     old version rewrapped from the envelope's escrow wrap)
 */
public record RewrapResult(
        String transactionId, int generation, RecipientWrap wrap, RewrapError error, boolean viaEscrowKey) {

    public RewrapResult {
        Objects.requireNonNull(transactionId, "transactionId");
        if ((wrap == null) == (error == null)) {
            throw new IllegalArgumentException("a rewrap result holds either a wrap or an error");
        }
    }

    public static RewrapResult rewrapped(String transactionId, int generation, RecipientWrap wrap) {
        return rewrapped(transactionId, generation, wrap, false);
    }

    public static RewrapResult rewrapped(
            String transactionId, int generation, RecipientWrap wrap, boolean viaEscrowKey) {
        return new RewrapResult(transactionId, generation, Objects.requireNonNull(wrap, "wrap"), null, viaEscrowKey);
    }

    public static RewrapResult failed(String transactionId, int generation, RewrapError error) {
        return new RewrapResult(transactionId, generation, null, Objects.requireNonNull(error, "error"), false);
    }

    public Optional<RewrapError> failure() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "RewrapResult[transactionId=" + transactionId + ", generation=" + generation + ", "
                + (error == null ? "rewrapped" : error.name()) + "]";
    }
}
