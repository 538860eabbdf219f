package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.envelope.error.InvalidInputException;

class SumProofTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest(name = "{0} transactions")
    @ValueSource(ints = {1, 2, 1_000})
    void honestSumProofVerifies(int count) {
        // Given
        Receipts receipts = receipts(count);
        SumStatement statement = new SumStatement("miner-1", receipts.entries, receipts.total);
        // When
        SumProof proof = SumProof.prove(statement, receipts.openings, RANDOM);
        // Then
        assertThat(SumProof.parse(proof.toBytes()).verify(statement)).isTrue();
        assertThat(proof.toBytes()).hasSize(SumProof.LENGTH);
    }

    @Test
    void sumProofForAWrongTotalFails() {
        // Given
        Receipts receipts = receipts(3);
        SumProof proof = SumProof.prove(
                new SumStatement("miner-1", receipts.entries, receipts.total), receipts.openings, RANDOM);
        // When
        SumStatement wrongTotal = new SumStatement("miner-1", receipts.entries, receipts.total.add(BigInteger.ONE));
        // Then
        assertThat(proof.verify(wrongTotal)).isFalse();
    }

    @Test
    void proverRefusesAWrongTotal() {
        // Given
        Receipts receipts = receipts(2);
        SumStatement wrongTotal =
                new SumStatement("miner-1", receipts.entries, receipts.total.subtract(BigInteger.ONE));
        // When / Then
        assertThatThrownBy(() -> SumProof.prove(wrongTotal, receipts.openings, RANDOM))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("do not sum");
    }

    @Test
    void sumProofWithASwappedCommitmentFails() {
        // Given: the same total, but one transaction's commitment replaced by another one to the same amount
        Receipts receipts = receipts(2);
        SumProof proof = SumProof.prove(
                new SumStatement("miner-1", receipts.entries, receipts.total), receipts.openings, RANDOM);
        Opening other = Opening.random(receipts.openings.get(1).value(), RANDOM);
        List<SumStatement.Entry> swapped =
                List.of(receipts.entries.get(0), new SumStatement.Entry("txn-1", other.commit()));
        // When / Then
        assertThat(proof.verify(new SumStatement("miner-1", swapped, receipts.total)))
                .isFalse();
    }

    @Test
    void sumProofForAnotherParticipantOrTransactionSetFails() {
        // Given
        Receipts receipts = receipts(2);
        SumProof proof = SumProof.prove(
                new SumStatement("miner-1", receipts.entries, receipts.total), receipts.openings, RANDOM);
        List<SumStatement.Entry> renamed = List.of(
                receipts.entries.get(0),
                new SumStatement.Entry("txn-9", receipts.entries.get(1).commitment()));
        // When / Then
        assertThat(proof.verify(new SumStatement("miner-2", receipts.entries, receipts.total)))
                .isFalse();
        assertThat(proof.verify(new SumStatement("miner-1", renamed, receipts.total)))
                .isFalse();
    }

    @Test
    void statementRejectsDuplicateTransactions() {
        // Given
        Receipts receipts = receipts(1);
        List<SumStatement.Entry> twice = List.of(receipts.entries.get(0), receipts.entries.get(0));
        // When / Then
        assertThatThrownBy(() -> new SumStatement("miner-1", twice, BigInteger.ZERO))
                .isInstanceOf(InvalidInputException.class);
    }

    private record Receipts(List<SumStatement.Entry> entries, List<Opening> openings, BigInteger total) {}

    private static Receipts receipts(int count) {
        List<SumStatement.Entry> entries = new ArrayList<>(count);
        List<Opening> openings = new ArrayList<>(count);
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < count; i++) {
            BigInteger value = new BigInteger(64, RANDOM);
            Opening opening = Opening.random(value, RANDOM);
            openings.add(opening);
            entries.add(new SumStatement.Entry("txn-" + i, opening.commit()));
            total = total.add(value);
        }
        return new Receipts(entries, openings, total);
    }
}
