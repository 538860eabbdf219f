package dev.ctx.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

class TransactionJsonLinesTest {

    private static final String VALID =
            "{\"transactionId\":\"t\",\"jobId\":\"j\",\"timestamp\":0,\"amount\":\"1\",\"currency\":\"EUR\","
                    + "\"pricing\":{\"unitPrice\":\"1\",\"quantity\":\"1\",\"fee\":\"0\",\"pricingModel\":\"flat\"},"
                    + "\"settlementDetails\":{\"method\":\"SEPA\""
                    + ",\"accountReference\":\"r\"},\"participants\":[\"a\"]}";

    @Test
    void readsEveryLineWithDecimalsAtScaleEightAndBothTimestampForms() throws Exception {
        // When
        List<Transaction> transactions =
                TransactionJsonLines.read(Path.of("src/test/resources/jsonl/two-transactions.jsonl"));

        // Then
        assertThat(transactions).hasSize(2);
        Transaction first = transactions.get(0);
        assertThat(first.getAmount()).isEqualTo(new BigDecimal("1250.50000000"));
        assertThat(first.getPricing().getQuantity()).isEqualTo(new BigDecimal("100.00000000"));
        assertThat(first.getTimestamp()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(first.getSettlementDetails().getSettlementDate()).isEqualTo(Instant.ofEpochMilli(1764064800000L));
        assertThat(first.getAccessPolicy().getNotAfter()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        Transaction second = transactions.get(1);
        assertThat(second.getStatus()).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(second.getConfidential()).isFalse();
        assertThat(second.getAmount()).isEqualTo(new BigDecimal("0.00000001"));
        assertThat(second.getAccessPolicy().getAllowedPurposes()).isEmpty();
    }

    @Test
    void confidentialDefaultsToTrue() {
        assertThat(TransactionJsonLines.parse(VALID, 1).getConfidential()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"amount\":\"1\"|\"amount\":\"1.123456789\"|amount must be a decimal with at most 8 decimal places",
                "\"amount\":\"1\"|\"amount\":\"SECRET-12\"|amount must be a decimal",
                "\"jobId\":\"j\",|| jobId is required",
                "\"participants\":[\"a\"]|\"participants\":[]|participants must be a non-empty array",
                "\"method\":\"SEPA\"|\"method\":7|settlementDetails.method must be a non-empty string",
                "\"timestamp\":0|\"timestamp\":\"yesterday\"|timestamp must be ISO-8601",
                "\"currency\":\"EUR\"|\"currency\":\"EUR\",\"status\":\"LOST\"|status is not a known status",
                // found by TransactionJsonLinesFuzzTest: rescaling these to 8 places computed a billion-digit number
                "\"amount\":\"1\"|\"amount\":\"1e999999999\"|amount must be a decimal with at most 8",
                "\"amount\":\"1\"|\"amount\":\"1e-999999999\"|amount must be a decimal with at most 8",
                "\"amount\":\"1\"|\"amount\":\"1234567890123456789012345678901\"|amount must be a decimal",
                // parsed, then failed when the record was serialized (timestamps are epoch milliseconds in a long)
                "\"timestamp\":0|\"timestamp\":\"+999999999-12-31T23:59:59Z\"|timestamp must be ISO-8601",
                "\"timestamp\":0|\"timestamp\":99999999999999999999999|timestamp must be ISO-8601"
            })
    void badFieldsAreRejectedNamingLineAndFieldButNotTheValue(String from, String to, String message) {
        // Given
        String line = VALID.replace(from, to == null ? "" : to);

        // Then
        assertThatThrownBy(() -> TransactionJsonLines.parse(line, 7))
                .isInstanceOf(InvalidTransactionLineException.class)
                .hasMessageStartingWith("line 7: ")
                .hasMessageContaining(message.strip())
                .hasMessageNotContaining("SECRET")
                .hasMessageNotContaining("1.123456789")
                .hasMessageNotContaining("yesterday");
    }

    @Test
    void notJsonIsRejected() {
        assertThatThrownBy(() -> TransactionJsonLines.parse("{nope", 3)).hasMessage("line 3: (line) is not valid JSON");
    }
}
