package dev.ctx.processor.rewrap;

import java.util.Objects;

import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * One wrap to move to a new key version.
 *
 * @param transactionId the envelope's transaction id
 * @param generation the envelope generation the wrap was read from; the answer is written only over that generation
 * @param wrap the participant's current wrap in that generation
 */
public record RewrapItem(String transactionId, int generation, RecipientWrap wrap) {

    public RewrapItem {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(wrap, "wrap");
    }
}
