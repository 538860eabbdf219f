package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.envelope.error.ReceiptFormatException;
import dev.ctx.envelope.error.ValueOutOfRangeException;

class OpeningProofTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger AMOUNT = BigInteger.valueOf(12_345_678_900L);

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 12_345_678_900L, Long.MAX_VALUE})
    void honestOpeningProofVerifies(long value) {
        // Given
        Opening opening = Opening.random(BigInteger.valueOf(value), RANDOM);
        Commitment commitment = opening.commit();
        // When
        OpeningProof proof = OpeningProof.prove("txn-1", commitment, opening, RANDOM);
        // Then
        assertThat(OpeningProof.parse(proof.toBytes()).verify("txn-1", commitment))
                .isTrue();
        assertThat(proof.toBytes()).hasSize(OpeningProof.LENGTH).startsWith(1);
        assertThat(commitment.opensTo(opening)).isTrue();
    }

    @Test
    void proofForAChangedAmountFails() {
        // Given: the same blinding, one minor unit more
        Opening opening = Opening.random(AMOUNT, RANDOM);
        OpeningProof proof = OpeningProof.prove("txn-1", opening.commit(), opening, RANDOM);
        Opening changed = Opening.of(AMOUNT.add(BigInteger.ONE), opening.blindingBytes());
        // When
        boolean verified = proof.verify("txn-1", changed.commit());
        // Then
        assertThat(verified).isFalse();
        assertThat(opening.commit().opensTo(changed)).isFalse();
    }

    @Test
    void proofForAChangedTransactionIdFails() {
        // Given
        Opening opening = Opening.random(AMOUNT, RANDOM);
        Commitment commitment = opening.commit();
        OpeningProof proof = OpeningProof.prove("txn-1", commitment, opening, RANDOM);
        // When / Then
        assertThat(proof.verify("txn-2", commitment)).isFalse();
    }

    @Test
    void proofAgainstASwappedCommitmentFails() {
        // Given: two receipts; the proof of the first checked against the second's commitment
        Opening first = Opening.random(AMOUNT, RANDOM);
        Opening second = Opening.random(AMOUNT, RANDOM);
        OpeningProof proof = OpeningProof.prove("txn-1", first.commit(), first, RANDOM);
        // When / Then
        assertThat(proof.verify("txn-1", second.commit())).isFalse();
    }

    @Test
    void tamperedProofFailsOrIsRejected() {
        // Given
        Opening opening = Opening.random(AMOUNT, RANDOM);
        Commitment commitment = opening.commit();
        byte[] bytes = OpeningProof.prove("txn-1", commitment, opening, RANDOM).toBytes();
        // When: flip a bit of z_r
        bytes[OpeningProof.LENGTH - 1] ^= 1;
        // Then
        assertThat(OpeningProof.parse(bytes).verify("txn-1", commitment)).isFalse();
    }

    @Test
    void parseRejectsUnknownVersionAndWrongLength() {
        // Given
        Opening opening = Opening.random(AMOUNT, RANDOM);
        byte[] bytes =
                OpeningProof.prove("txn-1", opening.commit(), opening, RANDOM).toBytes();
        byte[] version2 = bytes.clone();
        version2[0] = 2;
        // When / Then
        assertThatThrownBy(() -> OpeningProof.parse(version2)).isInstanceOf(ReceiptFormatException.class);
        assertThatThrownBy(() -> OpeningProof.parse(new byte[OpeningProof.LENGTH - 1]))
                .isInstanceOf(ReceiptFormatException.class);
    }

    @Test
    void minorUnitsAreExactAndInRange() {
        // When / Then
        assertThat(Opening.minorUnits(new BigDecimal("123.45678900"), 8)).isEqualTo(AMOUNT);
        assertThat(Opening.minorUnits(BigDecimal.ZERO, 8)).isZero();
        assertThatThrownBy(() -> Opening.minorUnits(new BigDecimal("-0.00000001"), 8))
                .isInstanceOf(ValueOutOfRangeException.class);
        assertThatThrownBy(() -> Opening.minorUnits(new BigDecimal("184467440737.09551616"), 8))
                .isInstanceOf(ValueOutOfRangeException.class);
        assertThatThrownBy(() -> Opening.minorUnits(new BigDecimal("1.000000001"), 8))
                .isInstanceOf(ValueOutOfRangeException.class);
    }

    @Test
    void openingNeverShowsItsSecrets() {
        // Given
        Opening opening = Opening.random(AMOUNT, RANDOM);
        // When / Then
        assertThat(opening.toString()).isEqualTo("Opening[redacted]").doesNotContain(AMOUNT.toString());
    }
}
