package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.transaction.Transaction;

/** The ctx canonical form and its SHA-256 fingerprint, as documented in docs/writer-schema-fingerprint.md. */
class WriterSchemaFingerprintTest {

    /** The fingerprint of the compiled-in Transaction schema (v1); docs/writer-schema-fingerprint.md quotes it. */
    static final String TRANSACTION_V1 = "aaba08383d7ba42e648cd2ecd7e7b886435c8e2c15a38cb1363e95fe0179e65a";

    @Test
    void keepsLogicalTypePrecisionAndScaleAndDropsDocsDefaultsAndCustomProperties() {
        // Given
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Money", "namespace": "ex", "doc": "dropped",
                 "fields": [
                   {"name": "amount", "ctx.confidential": true, "doc": "dropped",
                    "type": {"type": "bytes", "logicalType": "decimal", "precision": 38, "scale": 8}},
                   {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                   {"name": "code", "type": {"type": "string", "avro.java.string": "String"}, "default": "EUR"},
                   {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}},
                   {"name": "again", "type": ["null", "Kind"], "default": null},
                   {"name": "id", "type": {"type": "fixed", "name": "Id", "size": 16, "logicalType": "uuid"}},
                   {"name": "tags", "type": {"type": "map", "values": {"type": "array", "items": "int"}}}
                 ]}""");

        // When
        String canonical = WriterSchemaFingerprint.canonicalForm(schema);

        // Then
        assertThat(canonical)
                .isEqualTo("{\"name\":\"ex.Money\",\"type\":\"record\",\"fields\":["
                        + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\""
                        + ",\"logicalType\":\"decimal\",\"precision\":38,"
                        + "\"scale\":8}},"
                        + "{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
                        + "{\"name\":\"code\",\"type\":\"string\"},"
                        + "{\"name\":\"kind\",\"type\":{\"name\":\"ex.Kind\""
                        + ",\"type\":\"enum\",\"symbols\":[\"A\",\"B\"]}},"
                        + "{\"name\":\"again\",\"type\":[\"null\",\"ex.Kind\"]},"
                        + "{\"name\":\"id\",\"type\":{\"name\":\"ex.Id\",\"type\":\"fixed\",\"size\":16,"
                        + "\"logicalType\":\"uuid\"}},"
                        + "{\"name\":\"tags\",\"type\":{\"type\":\"map\""
                        + ",\"values\":{\"type\":\"array\",\"items\":\"int\"}}}"
                        + "]}");
    }

    @Test
    void aDifferentScaleOrPrecisionOrFieldOrderChangesTheFingerprint() {
        // Given
        String template = """
                {"type": "record", "name": "M", "fields": [
                  {"name": "%s", "type": {"type": "bytes", "logicalType": "decimal", "precision": %d, "scale": %d}},
                  {"name": "%s", "type": "string"}]}""";
        String base = WriterSchemaFingerprint.of(parse(template.formatted("amount", 38, 8, "currency")));

        // When / Then
        assertThat(WriterSchemaFingerprint.of(parse(template.formatted("amount", 38, 0, "currency"))))
                .isNotEqualTo(base);
        assertThat(WriterSchemaFingerprint.of(parse(template.formatted("amount", 20, 8, "currency"))))
                .isNotEqualTo(base);
        assertThat(WriterSchemaFingerprint.of(parse(template.formatted("currency", 38, 8, "amount"))))
                .isNotEqualTo(base);
        assertThat(base).matches("[0-9a-f]{64}");
    }

    @Test
    void theCompiledInTransactionSchemaAndItsCommittedSnapshotHaveThePinnedFingerprint() throws IOException {
        // Given
        Schema snapshot = new Schema.Parser()
                .parse(Files.readString(
                        Path.of("src/test/resources/schema-history/dev.ctx.schemas.transaction.Transaction/v1.avsc")));

        // When / Then
        assertThat(WriterSchemaFingerprint.of(Transaction.getClassSchema())).isEqualTo(TRANSACTION_V1);
        assertThat(WriterSchemaFingerprint.of(snapshot)).isEqualTo(TRANSACTION_V1);
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
