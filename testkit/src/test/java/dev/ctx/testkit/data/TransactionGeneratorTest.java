package dev.ctx.testkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.schemas.transaction.Transaction;

class TransactionGeneratorTest {

    private static final List<String> POOL = List.of("a", "b", "c", "d", "e");

    @Test
    void sameSeedGivesTheSameTransactions() {
        // Given
        GeneratorSettings settings = GeneratorSettings.benchmarkDefault("t");

        // When
        Transaction first = new TransactionGenerator(settings, 42).next();
        Transaction second = new TransactionGenerator(settings, 42).next();

        // Then
        assertThat(first).isEqualTo(second);
        assertThat(first.getTransactionId()).isEqualTo("t-0");
    }

    @Test
    void participantCountStaysWithinTheConfiguredRangeWithoutDuplicates() {
        // Given
        TransactionGenerator generator =
                new TransactionGenerator(GeneratorSettings.benchmarkDefault("t").withParticipants(POOL, 2, 5), 7);

        // When / Then
        IntStream.range(0, 500)
                .mapToObj(i -> generator.next().getParticipants())
                .forEach(participants -> assertThat(participants)
                        .hasSizeBetween(2, 5)
                        .doesNotHaveDuplicates()
                        .isSubsetOf(POOL));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0})
    void confidentialRatioZeroOrOneIsExact(double ratio) {
        // Given
        TransactionGenerator generator =
                new TransactionGenerator(GeneratorSettings.benchmarkDefault("t").withConfidentialRatio(ratio), 1);

        // When / Then
        assertThat(IntStream.range(0, 200).mapToObj(i -> generator.next().getConfidential()))
                .containsOnly(ratio == 1.0);
    }

    @Test
    void everyConfidentialStringCarriesThePlantedMarker() {
        // Given
        Transaction transaction = new TransactionGenerator(GeneratorSettings.benchmarkDefault("t"), 3).next();
        String marker = TransactionGenerator.plantedMarker(transaction.getTransactionId());

        // Then
        assertThat(transaction.getPricing().getPricingModel()).contains(marker);
        assertThat(transaction.getSettlementDetails().getAccountReference()).contains(marker);
    }

    @Test
    void settingsRejectMoreParticipantsThanThePoolHolds() {
        assertThatThrownBy(() -> GeneratorSettings.benchmarkDefault("t").withParticipants(List.of("a"), 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool size");
    }
}
