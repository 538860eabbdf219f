package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The bounds of the receipt group's scalars: encoded scalars, random scalars and stated totals lie in their ranges,
 * zero and n - 1 included or excluded as specified; commitments are equal by their encoding only.
 */
class ReceiptBoundsTest {

    private static final BigInteger N = ReceiptGroup.order();

    /** Hands out the given 32-byte values in order (rejection sampling known answers). */
    private static final class Draws extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient Deque<BigInteger> values;

        Draws(BigInteger... values) {
            this.values = new ArrayDeque<>(List.of(values));
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] raw = values.removeFirst().toByteArray();
            int copy = Math.min(raw.length, bytes.length);
            Arrays.fill(bytes, (byte) 0);
            System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        }
    }

    @Test
    void encodedScalarsAreZeroToNMinusOne() {
        assertThat(ReceiptGroup.encodeScalar(BigInteger.ZERO)).containsOnly(0).hasSize(32);
        assertThat(new BigInteger(1, ReceiptGroup.encodeScalar(N.subtract(BigInteger.ONE))))
                .isEqualTo(N.subtract(BigInteger.ONE));
        assertThatThrownBy(() -> ReceiptGroup.encodeScalar(N)).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptGroup.encodeScalar(BigInteger.valueOf(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRandomScalarRejectsZeroAndNAndAnythingAbove() {
        // Given
        SecureRandom draws = new Draws(BigInteger.ZERO, N, N.add(BigInteger.ONE), BigInteger.valueOf(5));
        // When / Then
        assertThat(ReceiptGroup.randomScalar(draws)).isEqualTo(5);
    }

    @Test
    void theStatedTotalLiesInZeroToNMinusOne() {
        // Given
        Commitment commitment =
                Opening.random(BigInteger.TEN, new KnownAnswerRandom("bounds")).commit();
        List<SumStatement.Entry> entries = List.of(new SumStatement.Entry("t-1", commitment));
        // Then
        assertThat(new SumStatement("p", entries, BigInteger.ZERO).total()).isZero();
        assertThat(new SumStatement("p", entries, N.subtract(BigInteger.ONE)).total())
                .isEqualTo(N.subtract(BigInteger.ONE));
        assertThatThrownBy(() -> new SumStatement("p", entries, N)).isExactlyInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SumStatement("p", entries, BigInteger.valueOf(-1)))
                .isExactlyInstanceOf(InvalidInputException.class);
    }

    @Test
    void commitmentsAreEqualByTheirEncodingOnly() {
        // Given
        Commitment ten =
                Opening.random(BigInteger.TEN, new KnownAnswerRandom("eq")).commit();
        Commitment again = Commitment.parse(ten.toBytes());
        Commitment eleven = Opening.random(BigInteger.valueOf(11), new KnownAnswerRandom("eq"))
                .commit();
        // Then
        assertThat(ten)
                .isEqualTo(again)
                .hasSameHashCodeAs(again)
                .isNotEqualTo(eleven)
                .isNotEqualTo("ten");
        assertThat(ten.hashCode()).isNotEqualTo(eleven.hashCode());
        assertThat(ten).hasToString("Commitment[" + HexFormat.of().formatHex(ten.toBytes()) + "]");
    }
}
