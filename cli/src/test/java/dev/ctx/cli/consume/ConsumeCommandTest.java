package dev.ctx.cli.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.cli.access.LoopbackKeyService;
import dev.ctx.client.access.AccessClient;
import dev.ctx.schemas.encrypted.ClearFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.SealedFields;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.TransactionStatus;

class ConsumeCommandTest {

    @Test
    void sealedRecordShowsCiphertextSizeAndKeyVersionsButNoValues() {
        // Given
        EncryptedTransaction sealed = base().setConfidential(true)
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(new byte[300]))
                        .setSchemaFingerprint(ByteBuffer.wrap(new byte[32]))
                        .setKeyRefs(List.of(new KeyRef("a", 2), new KeyRef("__escrow", 1)))
                        .build())
                .build();

        // Then
        assertThat(ConsumeCommand.content(sealed)).isEqualTo("300 bytes ciphertext; keys a:v2 __escrow:v1");
    }

    @Test
    void clearRecordShowsItsAmount() {
        // Given
        EncryptedTransaction clear = clear(new BigDecimal("12.50000000"));

        // Then
        assertThat(ConsumeCommand.content(clear)).isEqualTo("in clear: 12.50000000 EUR");
    }

    @Test
    void decryptedClearRecordShowsItsFieldsAsJson() {
        // Given
        EncryptedTransaction clear = clear(new BigDecimal("12.50000000"));

        // Then: no access request for what is public anyway
        assertThat(ConsumeCommand.content(clear, ignored -> "asked the key service"))
                .startsWith("in clear: {\"amount\":\"12.50000000\",\"pricing\":{\"unitPrice\":\"12.50000000\"");
    }

    @Test
    void accessDeniedRowNamesTheStatusAndReason() {
        // Given
        EncryptedTransaction sealed = base().setConfidential(true)
                .setSealed(SealedFields.newBuilder()
                        .setCiphertext(ByteBuffer.wrap(new byte[30]))
                        .setSchemaFingerprint(ByteBuffer.wrap(new byte[32]))
                        .setKeyRefs(List.of(new KeyRef("a", 1)))
                        .build())
                .build();
        try (LoopbackKeyService service = LoopbackKeyService.start()) {
            service.problem("POST", "/v1/access-requests", 403, "NOT_A_PARTICIPANT");
            ApiDecryption decryption = new ApiDecryption(
                    AccessClient.builder(URI.create(service.url())).build(), "settlement");

            // When
            String row = ConsumeCommand.content(sealed, decryption);

            // Then
            assertThat(row).isEqualTo("not opened: 403 NOT_A_PARTICIPANT");
        }
    }

    private static EncryptedTransaction clear(BigDecimal amount) {
        return base().setConfidential(false)
                .setClear(ClearFields.newBuilder()
                        .setAmount(amount)
                        .setPricing(Pricing.newBuilder()
                                .setUnitPrice(amount)
                                .setQuantity(amount)
                                .setFee(amount)
                                .setPricingModel("flat")
                                .build())
                        .setSettlementDetails(SettlementDetails.newBuilder()
                                .setMethod("ACH")
                                .setAccountReference("r")
                                .build())
                        .build())
                .build();
    }

    private static EncryptedTransaction.Builder base() {
        return EncryptedTransaction.newBuilder()
                .setTransactionId("t")
                .setJobId("j")
                .setTimestamp(Instant.EPOCH)
                .setStatus(TransactionStatus.CONFIRMED)
                .setCurrency("EUR")
                .setParticipants(List.of("a"))
                .setAccessPolicy(
                        AccessPolicy.newBuilder().setAllowedPurposes(List.of()).build());
    }
}
