package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;

/**
 * A registry that answers with a writer schema swapping two field names moves a confidential field's bytes into a
 * public one; an allow-list of writer-schema fingerprints refuses it before the body is read.
 */
class WriterSchemaAllowListTest {

    private static final String SCOPE = "writer-allow-list";
    private static final String TOPIC = "transactions";
    private static final Map<String, String> CONFIG =
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void withoutAnAllowListASwappedWriterSchemaLeaksTheAmountIntoTheCurrency() throws IOException {
        // Given
        Transaction genuine = TestRecords.transaction();
        byte[] framed = framedUnderSwappedSchema(genuine);
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(Transaction.class, CONFIG, false);

        // When
        Transaction decoded = serde.deserialize(TOPIC, framed);

        // Then
        assertThat(decoded.getCurrency())
                .isEqualTo(new String(genuine.getAmount().unscaledValue().toByteArray(), StandardCharsets.UTF_8));
        assertThat(decoded.getAmount()).isNotEqualTo(genuine.getAmount());
    }

    @Test
    void anAllowListOfTheCompiledInSchemaRefusesTheSwappedWriterSchema() throws IOException {
        // Given
        byte[] framed = framedUnderSwappedSchema(TestRecords.transaction());
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(
                Transaction.class, CONFIG, false, WriterSchemaAllowList.of(Transaction.getClassSchema(), List.of()));

        // When / Then
        assertThatThrownBy(() -> serde.deserialize(TOPIC, framed))
                .isInstanceOf(WriterSchemaNotAllowedException.class)
                .hasMessageContaining(WriterSchemaFingerprint.of(swapped()))
                .hasMessageNotContaining(TestRecords.transaction().getAmount().toPlainString());
    }

    @Test
    void anAllowListedWriterSchemaReads() throws IOException {
        // Given
        Transaction genuine = TestRecords.transaction();
        ConfluentAvroSerde<Transaction> writer = ConfluentAvroSerdes.forClass(Transaction.class, CONFIG, false);
        byte[] framed = writer.serialize(TOPIC, genuine);
        ConfluentAvroSerde<Transaction> reader = ConfluentAvroSerdes.forClass(
                Transaction.class,
                CONFIG,
                false,
                WriterSchemaAllowList.of(List.of(
                        WriterSchemaFingerprint.of(Transaction.getClassSchema()).toUpperCase())));

        // When / Then
        assertThat(reader.deserialize(TOPIC, framed)).isEqualTo(genuine);
    }

    @Test
    void anEmptyAllowListRefusesEvenTheReadersOwnSchema() {
        // Given
        byte[] framed = ConfluentAvroSerdes.forClass(Transaction.class, CONFIG, false)
                .serialize(TOPIC, TestRecords.transaction());
        ConfluentAvroSerde<Transaction> reader =
                ConfluentAvroSerdes.forClass(Transaction.class, CONFIG, false, WriterSchemaAllowList.of(List.of()));

        // When / Then
        assertThatThrownBy(() -> reader.deserialize(TOPIC, framed)).isInstanceOf(WriterSchemaNotAllowedException.class);
    }

    @Test
    void rejectsAFingerprintThatIsNotSixtyFourHexDigits() {
        assertThatThrownBy(() -> WriterSchemaAllowList.of(List.of("abc"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(WriterSchemaAllowList.isFingerprint("0".repeat(64))).isTrue();
        assertThat(WriterSchemaAllowList.isFingerprint("g".repeat(64))).isFalse();
    }

    /** The genuine body (written with the compiled-in schema) framed with the id of a schema swapping two names. */
    private static byte[] framedUnderSwappedSchema(Transaction genuine) throws IOException {
        int swappedId = MockSchemaRegistry.scope(SCOPE).register(TOPIC + "-value", swapped());
        ByteArrayOutputStream out = ConfluentWireFormat.startFrame(swappedId);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Transaction.class).write(genuine, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The Transaction schema with the names of {@code amount} (confidential) and {@code currency} (public) swapped. */
    private static Schema swapped() {
        String json = Transaction.getClassSchema()
                .toString()
                .replace("\"name\":\"amount\"", "\"name\":\"@A@\"")
                .replace("\"name\":\"currency\"", "\"name\":\"amount\"")
                .replace("\"name\":\"@A@\"", "\"name\":\"currency\"");
        Schema schema = new Schema.Parser().parse(json);
        assertThat(schema.getField("currency").pos())
                .isLessThan(schema.getField("amount").pos());
        return schema;
    }
}
