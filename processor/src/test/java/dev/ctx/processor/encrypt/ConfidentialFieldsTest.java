package dev.ctx.processor.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.confidential.ConfidentialSchema;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

class ConfidentialFieldsTest {

    /**
     * SHA-256 parsing fingerprint (format v1) of the sealed record's schema. It is bound into every v1 ciphertext's
     * AAD: if it changes, records sealed before cannot be opened with the new schema, so a change must be deliberate.
     */
    private static final String PINNED_FINGERPRINT = "aeaecb793680f2e47ea2e626686c5b85abe8ec4bc735a7ab740401b34991e1d9";
    /** The format v2 fingerprint (logical types, precision and scale included) that new seals bind. */
    private static final String PINNED_FINGERPRINT_V2 =
            "751e509858b2e85e18c14c75800456707caeeddf38cdd5dd6642a7128d49cf01";
    /** The v2 fingerprint of the sealed record before receipts (no receiptBlinding): records sealed then. */
    private static final String BEFORE_RECEIPTS_FINGERPRINT_V2 =
            "45b2dbce9c5cc2719fe967e6fb16d7053073602132ee80fa9e27adaa5e69ad70";
    /** The v1 fingerprint of the sealed record before receipts. */
    private static final String BEFORE_RECEIPTS_FINGERPRINT =
            "2b0b948e787dc3ed0d67f3974eb5719ea2ae172c30b5d7fb3b21828e7810bb3b";

    private final ConfidentialFields fields = ConfidentialFields.ofTransaction();

    @Test
    void selectsExactlyTheFieldsMarkedConfidential() {
        assertThat(fields.names()).containsExactly("amount", "pricing", "settlementDetails");
        assertThat(fields.schema().getFullName()).isEqualTo("dev.ctx.schemas.transaction.ConfidentialFields");
    }

    @Test
    void theSealedSchemaFingerprintIsPinned() {
        assertThat(HexFormat.of().formatHex(SchemaFingerprint.of(fields.schema(), FormatVersion.V1)))
                .isEqualTo(PINNED_FINGERPRINT);
        assertThat(HexFormat.of().formatHex(TransactionContext.fingerprintOf(fields.schema())))
                .isEqualTo(PINNED_FINGERPRINT_V2);
    }

    @Test
    void recordsSealedBeforeReceiptsResolveToTheirOwnWriterSchema() {
        // Given
        HexFormat hex = HexFormat.of();
        // When
        Schema v2Writer = fields.writerSchemaFor(hex.parseHex(BEFORE_RECEIPTS_FINGERPRINT_V2), FormatVersion.V2);
        Schema v1Writer = fields.writerSchemaFor(hex.parseHex(BEFORE_RECEIPTS_FINGERPRINT), FormatVersion.V1);
        Schema current = fields.writerSchemaFor(hex.parseHex(PINNED_FINGERPRINT_V2), FormatVersion.V2);
        // Then
        assertThat(v2Writer.getField(ConfidentialSchema.RECEIPT_BLINDING)).isNull();
        assertThat(v1Writer).isEqualTo(v2Writer);
        assertThat(current).isEqualTo(fields.schema());
        assertThat(current.getField(ConfidentialSchema.RECEIPT_BLINDING)).isNotNull();
    }

    @Test
    void projectionCarriesTheReceiptBlindingWhenGiven() {
        // Given
        Transaction transaction = new TransactionGenerator(GeneratorSettings.benchmarkDefault("p"), 1L).next();
        byte[] blinding = new byte[32];
        blinding[31] = 7;
        // When
        GenericRecord projected = fields.project(transaction, blinding);
        // Then
        assertThat(ConfidentialFields.receiptBlinding(projected))
                .hasValueSatisfying(r -> assertThat(r).isEqualTo(blinding));
        assertThat(ConfidentialFields.receiptBlinding(fields.project(transaction)))
                .isEmpty();
    }

    @Test
    void projectsTheConfidentialValuesOfATransaction() {
        // Given
        Transaction transaction = new TransactionGenerator(GeneratorSettings.benchmarkDefault("p"), 1L).next();

        // When
        GenericRecord projected = fields.project(transaction);

        // Then
        assertThat(projected.getSchema().getFields()).hasSize(4);
        assertThat(projected.get("amount")).isEqualTo(transaction.getAmount());
        GenericRecord pricing = (GenericRecord) projected.get("pricing");
        assertThat(pricing.get("fee")).isEqualTo(transaction.getPricing().getFee());
        assertThat(pricing.get("pricingModel"))
                .isEqualTo(transaction.getPricing().getPricingModel());
        GenericRecord settlement = (GenericRecord) projected.get("settlementDetails");
        assertThat(settlement.get("settlementDate"))
                .isEqualTo(transaction.getSettlementDetails().getSettlementDate());
    }

    @Test
    void derivationRejectsASchemaWithoutConfidentialFields() {
        // Given
        Schema schema = SchemaBuilder.record("Plain")
                .namespace("x")
                .fields()
                .requiredString("id")
                .endRecord();

        // When / Then
        assertThatThrownBy(() -> ConfidentialSchema.of(schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.Plain");
    }
}
