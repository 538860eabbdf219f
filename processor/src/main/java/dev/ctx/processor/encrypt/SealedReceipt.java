package dev.ctx.processor.encrypt;

import java.util.Objects;

/**
 * The public part of a transaction's receipt as the sealer made it: the commitment C (33 bytes) and the opening proof
 * (98 bytes, v1). The blinding r is not here: it went into the sealed record. Holds no secret.
 */
public final class SealedReceipt {

    private final byte[] commitment;
    private final byte[] openingProof;
    private final int amountScale;

    public SealedReceipt(byte[] commitment, byte[] openingProof, int amountScale) {
        this.commitment = Objects.requireNonNull(commitment, "commitment").clone();
        this.openingProof = Objects.requireNonNull(openingProof, "openingProof").clone();
        this.amountScale = amountScale;
    }

    public byte[] commitment() {
        return commitment.clone();
    }

    public byte[] openingProof() {
        return openingProof.clone();
    }

    /** v = amount × 10^amountScale. */
    public int amountScale() {
        return amountScale;
    }

    @Override
    public String toString() {
        return "SealedReceipt[" + commitment.length + "+" + openingProof.length + " bytes]";
    }
}
