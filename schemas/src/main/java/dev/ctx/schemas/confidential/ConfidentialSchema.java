package dev.ctx.schemas.confidential;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * Derives the schema of the sealed record from a transaction schema: a record named {@code ConfidentialFields} in the
 * transaction's namespace holding, in order, a copy of every field whose {@value #PROPERTY} property is {@code true}.
 * The derivation is deterministic, so a reader holding the transaction schema derives the same writer schema (and
 * the same fingerprint). The processor also publishes the derived schema in the registry
 * ({@link SealedSchemaPublisher}), so consumers need not derive it.
 */
public final class ConfidentialSchema {

    /** The field property that marks a field confidential. */
    public static final String PROPERTY = "ctx.confidential";
    /** Name of the derived record. */
    public static final String RECORD_NAME = "ConfidentialFields";
    /**
     * The field appended after the confidential fields (sealed record v2): the blinding r of the transaction's receipt
     * commitment, 32 bytes big-endian, or null in records sealed before receipts (docs/receipts.md).
     */
    public static final String RECEIPT_BLINDING = "receiptBlinding";

    private ConfidentialSchema() {}

    /**
     * @throws IllegalArgumentException if the schema is not a record or marks no field confidential
     */
    public static Schema of(Schema transactionSchema) {
        if (transactionSchema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("not a record schema: " + transactionSchema.getFullName());
        }
        List<Schema.Field> fields = transactionSchema.getFields().stream()
                .filter(ConfidentialSchema::isConfidential)
                .map(field -> new Schema.Field(field, field.schema()))
                .toList();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no field of " + transactionSchema.getFullName() + " is confidential");
        }
        return Schema.createRecord(
                RECORD_NAME,
                "The sealed confidential fields of " + transactionSchema.getName(),
                transactionSchema.getNamespace(),
                false,
                fields);
    }

    /**
     * The sealed record's current schema: {@code confidential} (as {@link #of} derives it) with the optional
     * {@value #RECEIPT_BLINDING} field appended, {@code ["null", "bytes"]} with default null, so records sealed
     * before receipts still resolve.
     */
    public static Schema withReceiptBlinding(Schema confidential) {
        List<Schema.Field> fields = new ArrayList<>(confidential.getFields().stream()
                .map(field -> new Schema.Field(field, field.schema()))
                .toList());
        fields.add(new Schema.Field(
                RECEIPT_BLINDING,
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.BYTES)),
                "The blinding r of the receipt commitment C = v*G + r*H, 32 bytes big-endian; null before receipts.",
                JsonProperties.NULL_VALUE));
        return Schema.createRecord(
                confidential.getName(), confidential.getDoc(), confidential.getNamespace(), false, fields);
    }

    /** Whether {@code field} carries {@code "ctx.confidential": true}. */
    public static boolean isConfidential(Schema.Field field) {
        return Boolean.TRUE.equals(field.getObjectProp(PROPERTY));
    }
}
