package dev.ctx.envelope.receipts;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A Pedersen commitment C = v·G + r·H on P-256 (see {@link ReceiptGroup}): hiding (r uniform), binding unless one
 * knows log_G(H). Encoded as 33 bytes of compressed SEC1. Immutable.
 */
public final class Commitment {

    private final ECPoint point;
    private final byte[] encoded;

    Commitment(ECPoint point) {
        this.point = point.normalize();
        this.encoded = ReceiptGroup.encode(this.point);
    }

    /**
     * @throws dev.ctx.envelope.error.InvalidPointException if {@code bytes} is not a compressed P-256 point other
     *         than the identity
     */
    public static Commitment parse(byte[] bytes) {
        return new Commitment(ReceiptGroup.decode(bytes, "commitment"));
    }

    /** Whether this commits to {@code opening} (v·G + r·H equals C). */
    public boolean opensTo(Opening opening) {
        return ReceiptGroup.commit(opening.value(), opening.blinding()).equals(point);
    }

    /** The homomorphic sum of commitments, a point that may be the identity. */
    static ECPoint sum(List<Commitment> commitments) {
        ECPoint sum = ReceiptGroup.curve().getInfinity();
        for (Commitment commitment : commitments) {
            sum = sum.add(commitment.point);
        }
        return sum.normalize();
    }

    ECPoint point() {
        return point;
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Commitment that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Commitment[" + HexFormat.of().formatHex(encoded) + "]";
    }
}
