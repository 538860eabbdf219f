package dev.ctx.benchmarks.envelope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.key.X25519KeyPair;

/** A confidential-fields record like the Transaction's (amount, pricing, settlement details), ~400 bytes in Avro. */
final class ConfidentialPayload {

    static final Schema DECIMAL = LogicalTypes.decimal(38, 8).addToSchema(Schema.create(Schema.Type.BYTES));
    static final Schema PRICING = SchemaBuilder.record("Pricing")
            .namespace("dev.ctx.benchmarks")
            .fields()
            .name("unitPrice")
            .type(DECIMAL)
            .noDefault()
            .requiredInt("feeBasisPoints")
            .requiredString("model")
            .endRecord();
    static final Schema SCHEMA = SchemaBuilder.record("ConfidentialFields")
            .namespace("dev.ctx.benchmarks")
            .fields()
            .name("amount")
            .type(DECIMAL)
            .noDefault()
            .name("pricing")
            .type(PRICING)
            .noDefault()
            .requiredString("settlementDetails")
            .endRecord();
    static final List<String> PARTICIPANTS =
            List.of("client-42", "miner-789", "settlement-7", "broker-3", "bank-11", "custodian-5", "auditor-2");

    private ConfidentialPayload() {}

    static GenericRecord record() {
        GenericRecord pricing = new GenericData.Record(PRICING);
        pricing.put("unitPrice", new BigDecimal("1234.56780000"));
        pricing.put("feeBasisPoints", 25);
        pricing.put("model", "tiered-volume-discount");
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("amount", new BigDecimal("98765432.12345678"));
        record.put("pricing", pricing);
        record.put(
                "settlementDetails",
                "IBAN DE89 3704 0044 0532 0130 00; BIC COBADEFFXXX; reference "
                        + "INV-2026-000042; value date 2026-11-24; correspondent "
                        + "bank Example Clearing AG, Frankfurt am Main; "
                        + "beneficiary Example Mining Cooperative eG, "
                        + "Hauptstrasse 1, 10115 Berlin; remittance: settlement "
                        + "of job 42 for miner 789, fees netted per contract 2026-A-17; contact ops@example.invalid");
        return record;
    }

    static TransactionContext context(String transactionId) {
        return TransactionContext.of(transactionId, SCHEMA, PARTICIPANTS);
    }

    /** The first {@code count - 1} participants plus the escrow, each with a fresh key pair (version 1). */
    static List<RecipientPrivateKey> recipientKeys(int count) {
        List<String> ids = new ArrayList<>(PARTICIPANTS.subList(0, count - 1));
        ids.add(Recipient.ESCROW_ID);
        return ids.stream()
                .map(id ->
                        RecipientPrivateKey.of(id, 1, X25519KeyPair.generate().privateKey()))
                .toList();
    }
}
