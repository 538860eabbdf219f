package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.error.ValueOutOfRangeException;

class RangeProofTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static Stream<BigInteger> inRange() {
        return Stream.of(
                BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(12_345_678_900L), TWO_64.subtract(BigInteger.ONE));
    }

    @ParameterizedTest
    @MethodSource("inRange")
    void honestRangeProofVerifies(BigInteger value) {
        // Given
        Opening opening = Opening.random(value, RANDOM);
        Commitment commitment = opening.commit();
        // When
        RangeProof proof = RangeProof.prove("txn-1", commitment, opening, RANDOM);
        // Then
        assertThat(RangeProof.parse(proof.toBytes()).verify("txn-1", commitment))
                .isTrue();
        assertThat(proof.toBytes()).hasSize(RangeProof.LENGTH);
    }

    @Test
    void rangeProofRejectsACommitmentToANegativeValue() {
        // Given: C commits to -1 mod n; the best a prover can do is prove the bits of -1 mod 2^64 (2^64 - 1)
        BigInteger blinding = ReceiptGroup.randomScalar(RANDOM);
        Commitment minusOne =
                new Commitment(ReceiptGroup.commit(ReceiptGroup.order().subtract(BigInteger.ONE), blinding));
        Opening bitsOfMinusOne = Opening.of(TWO_64.subtract(BigInteger.ONE), ReceiptGroup.encodeScalar(blinding));
        RangeProof forged = RangeProof.prove("txn-1", minusOne, bitsOfMinusOne, RANDOM);
        // When / Then
        assertThat(forged.verify("txn-1", minusOne)).isFalse();
        assertThatThrownBy(() -> Opening.of(BigInteger.valueOf(-1), ReceiptGroup.encodeScalar(blinding)))
                .isInstanceOf(ValueOutOfRangeException.class);
    }

    @Test
    void rangeProofRejectsACommitmentToTwoToThe64() {
        // Given: C commits to 2^64; its low 64 bits are 0
        BigInteger blinding = ReceiptGroup.randomScalar(RANDOM);
        Commitment tooLarge = new Commitment(ReceiptGroup.commit(TWO_64, blinding));
        Opening lowBits = Opening.of(BigInteger.ZERO, ReceiptGroup.encodeScalar(blinding));
        RangeProof forged = RangeProof.prove("txn-1", tooLarge, lowBits, RANDOM);
        // When / Then
        assertThat(forged.verify("txn-1", tooLarge)).isFalse();
        assertThatThrownBy(() -> Opening.random(TWO_64, RANDOM)).isInstanceOf(ValueOutOfRangeException.class);
    }

    @Test
    void rangeProofForAChangedTransactionIdOrSwappedCommitmentFails() {
        // Given
        Opening opening = Opening.random(BigInteger.TEN, RANDOM);
        Commitment commitment = opening.commit();
        RangeProof proof = RangeProof.prove("txn-1", commitment, opening, RANDOM);
        Commitment other = Opening.random(BigInteger.TEN, RANDOM).commit();
        // When / Then
        assertThat(proof.verify("txn-2", commitment)).isFalse();
        assertThat(proof.verify("txn-1", other)).isFalse();
    }

    @Test
    void tamperedBitResponseFails() {
        // Given
        Opening opening = Opening.random(BigInteger.TEN, RANDOM);
        Commitment commitment = opening.commit();
        byte[] bytes = RangeProof.prove("txn-1", commitment, opening, RANDOM).toBytes();
        // When: flip the last byte of bit 63's z1
        bytes[RangeProof.LENGTH - 1] ^= 1;
        // Then
        assertThat(RangeProof.parse(bytes).verify("txn-1", commitment)).isFalse();
    }
}
