package dev.ctx.envelope.receipts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;

import dev.ctx.envelope.error.ValueOutOfRangeException;

/**
 * The opening (v, r) of a Pedersen commitment: the amount v in minor units, in [0, 2^64), and the blinding r in
 * [1, n). Secret: r travels only inside the sealed confidential fields; {@link #toString()} shows neither.
 */
public final class Opening {

    /** The exclusive upper bound of a committed value, 2^64. */
    public static final BigInteger VALUE_BOUND = BigInteger.ONE.shiftLeft(64);

    private final BigInteger value;
    private final BigInteger blinding;

    private Opening(BigInteger value, BigInteger blinding) {
        this.value = value;
        this.blinding = blinding;
    }

    /**
     * @throws ValueOutOfRangeException if {@code value} is not in [0, 2^64)
     * @throws dev.ctx.envelope.error.ReceiptFormatException if {@code blinding} is not a 32-byte scalar below n
     */
    public static Opening of(BigInteger value, byte[] blinding) {
        return new Opening(requireInRange(value), ReceiptGroup.decodeScalar(blinding, "blinding"));
    }

    /** A fresh uniform blinding for {@code value}. */
    public static Opening random(BigInteger value, SecureRandom random) {
        return new Opening(requireInRange(value), ReceiptGroup.randomScalar(random));
    }

    /**
     * The amount in minor units: {@code amount × 10^scale}, exact.
     *
     * @throws ValueOutOfRangeException if the amount is negative, has more than {@code scale} fraction digits, or
     *         is 2^64 minor units or more
     */
    public static BigInteger minorUnits(BigDecimal amount, int scale) {
        BigInteger units;
        try {
            units = amount.movePointRight(scale).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ValueOutOfRangeException(
                    "amount has more fraction digits than its minor unit (scale " + scale + ")");
        }
        return requireInRange(units);
    }

    private static BigInteger requireInRange(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(VALUE_BOUND) >= 0) {
            throw new ValueOutOfRangeException("committed value is not in [0, 2^64) minor units");
        }
        return value;
    }

    public BigInteger value() {
        return value;
    }

    /** r as 32 bytes big-endian (what the sealed record carries). */
    public byte[] blindingBytes() {
        return ReceiptGroup.encodeScalar(blinding);
    }

    BigInteger blinding() {
        return blinding;
    }

    /** The commitment C = v·G + r·H. */
    public Commitment commit() {
        return new Commitment(ReceiptGroup.commitValueRaw(value, blinding));
    }

    @Override
    public String toString() {
        return "Opening[redacted]";
    }
}
