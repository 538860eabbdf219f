package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers for the fixed-base tables: every table multiplication equals BouncyCastle's plain
 * {@link ECPoint#multiply} for edge scalars (0, 1, 2, the window boundaries, 2^64 - 1, 2^64, n - 1, n, above n,
 * negative) and seeded random ones.
 */
class FixedBaseTableTest {

    private static final BigInteger N = ReceiptGroup.order();
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static Stream<BigInteger> scalars() {
        List<BigInteger> scalars = new ArrayList<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                BigInteger.valueOf((1L << FixedBaseTable.WINDOW_BITS) - 1),
                BigInteger.ONE.shiftLeft(FixedBaseTable.WINDOW_BITS),
                TWO_64.subtract(BigInteger.ONE),
                TWO_64,
                BigInteger.ONE.shiftLeft(255),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO),
                N.subtract(BigInteger.ONE),
                N));
        SecureRandom seeded = new KnownAnswerRandom("fixed-base table known answers");
        for (int i = 0; i < 8; i++) {
            scalars.add(ReceiptGroup.randomScalar(seeded));
            scalars.add(new BigInteger(64, seeded));
        }
        return scalars.stream();
    }

    static Stream<BigInteger> values() {
        return scalars().filter(k -> k.bitLength() <= 64);
    }

    @ParameterizedTest
    @MethodSource("scalars")
    void tableMultiplesOfGAndHEqualBouncyCastlesPlainMultiply(BigInteger k) {
        // When
        ECPoint timesG = ReceiptGroup.timesG(k);
        ECPoint timesH = ReceiptGroup.timesH(k);
        // Then
        assertThat(timesG).isEqualTo(ReceiptGroup.g().multiply(k).normalize());
        assertThat(timesH).isEqualTo(ReceiptGroup.h().multiply(k).normalize());
    }

    @ParameterizedTest
    @MethodSource("scalars")
    void commitmentEqualsThePlainSumOfTwoMultiplies(BigInteger a) {
        scalars().forEach(b -> {
            // When
            ECPoint commitment = ReceiptGroup.commit(a, b);
            // Then
            assertThat(commitment).isEqualTo(plainCommit(a, b));
        });
    }

    @ParameterizedTest
    @MethodSource("values")
    void valueCommitmentOverSixtyFourBitsEqualsThePlainSum(BigInteger value) {
        scalars().forEach(blinding -> {
            // When
            ECPoint commitment = ReceiptGroup.commitValueRaw(value, blinding).normalize();
            // Then
            assertThat(commitment).isEqualTo(plainCommit(value, blinding));
        });
    }

    @Test
    void nTimesAGeneratorIsTheIdentity() {
        assertThat(ReceiptGroup.timesG(N).isInfinity()).isTrue();
        assertThat(ReceiptGroup.commit(N, N).isInfinity()).isTrue();
    }

    @Test
    void scalarsOutsideTheTableAreReducedModN() {
        // Given
        BigInteger aboveTable = BigInteger.ONE.shiftLeft(300).add(BigInteger.valueOf(7));
        BigInteger negative = BigInteger.valueOf(-5);
        // When / Then
        assertThat(ReceiptGroup.timesG(aboveTable))
                .isEqualTo(ReceiptGroup.g().multiply(aboveTable.mod(N)).normalize());
        assertThat(ReceiptGroup.timesH(negative))
                .isEqualTo(ReceiptGroup.h().multiply(negative.mod(N)).normalize());
    }

    @Test
    void valueCommitmentRejectsAValueOfSixtyFiveBitsOrNegative() {
        assertThatThrownBy(() -> ReceiptGroup.commitValueRaw(TWO_64, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptGroup.commitValueRaw(BigInteger.valueOf(-1), BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableDigitsReassembleTheScalar() {
        // Given
        BigInteger k = N.subtract(BigInteger.valueOf(12_345));
        int windows = FixedBaseTable.windowsFor(256);
        int[] words = FixedBaseTable.words(k, (windows * FixedBaseTable.WINDOW_BITS + 31) / 32);
        // When
        BigInteger reassembled = BigInteger.ZERO;
        for (int i = windows - 1; i >= 0; i--) {
            reassembled = reassembled
                    .shiftLeft(FixedBaseTable.WINDOW_BITS)
                    .add(BigInteger.valueOf(FixedBaseTable.digit(words, i)));
        }
        // Then
        assertThat(reassembled).isEqualTo(k);
    }

    @Test
    void commitAndProveMakesTheSameBytesAsCommitThenProve() {
        // Given: the same random draws for both paths
        Opening first = Opening.random(BigInteger.valueOf(12_345_678_900L), new KnownAnswerRandom("opening"));
        Opening second = Opening.random(BigInteger.valueOf(12_345_678_900L), new KnownAnswerRandom("opening"));
        // When
        OpeningProof.Committed together = OpeningProof.commitAndProve("txn-1", first, new KnownAnswerRandom("nonces"));
        OpeningProof separately = OpeningProof.prove("txn-1", second.commit(), second, new KnownAnswerRandom("nonces"));
        // Then
        assertThat(together.commitment()).isEqualTo(second.commit());
        assertThat(together.proof().toBytes()).isEqualTo(separately.toBytes());
        assertThat(together.proof().verify("txn-1", together.commitment())).isTrue();
        assertThat(together.proof().verify("txn-2", together.commitment())).isFalse();
    }

    private static ECPoint plainCommit(BigInteger a, BigInteger b) {
        return ReceiptGroup.g().multiply(a).add(ReceiptGroup.h().multiply(b)).normalize();
    }
}
