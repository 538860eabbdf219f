package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.serde.ConfluentWireFormat;
import dev.ctx.schemas.serde.WriterSchemaAllowList;
import dev.ctx.schemas.serde.WriterSchemaFingerprint;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/**
 * The schema registry is not a trust root: a writer schema that is not on the allow-list of the {@code transactions}
 * value is dead-lettered as {@code WRITER_SCHEMA_NOT_ALLOWED} before a field is read.
 */
class WriterSchemaAllowListTopologyTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 2, 2), 11L);
    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void deadLettersARecordWhoseWriterSchemaSwapsAConfidentialFieldIntoAPublicOne() throws IOException {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        Schema swapped = swapped("amount", "currency");
        byte[] framed = frame(harness.schemaRegistry().register("transactions-value", swapped), transaction, null);
        Transaction next = generator.next();

        // When
        harness.rawTransactions.pipeInput(bytes(transaction.getTransactionId()), framed);
        harness.transactions.pipeInput(next.getTransactionId(), next);

        // Then
        DeadLetter letter = harness.deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.WRITER_SCHEMA_NOT_ALLOWED.name());
        assertThat(letter.getTransactionId()).isEqualTo(transaction.getTransactionId());
        assertThat(letter.getDetail())
                .contains(WriterSchemaFingerprint.of(swapped))
                .doesNotContain(transaction.getAmount().toPlainString());
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertThat(harness.encrypted.readValuesToList())
                .extracting(e -> e.getTransactionId())
                .containsExactly(next.getTransactionId());
        assertThat(harness.deadLetterCount(DeadLetterReason.WRITER_SCHEMA_NOT_ALLOWED.name()))
                .isEqualTo(1.0);
    }

    @Test
    void theDeadLetterOfARefusedSchemaCarriesNoConfidentialPlaintext() throws IOException {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        byte[] framed = frame(
                harness.schemaRegistry().register("transactions-value", swapped("amount", "currency")),
                transaction,
                null);

        // When
        harness.rawTransactions.pipeInput(bytes(transaction.getTransactionId()), framed);

        // Then
        List<byte[]> letters = harness.rawValues(harness.topics.deadLetters());
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0), StandardCharsets.ISO_8859_1))
                .doesNotContain(TransactionGenerator.plantedMarker(transaction.getTransactionId()))
                .doesNotContain(transaction.getSettlementDetails().getAccountReference());
    }

    @Test
    void readsAnotherWriterSchemaOnlyOnceItsFingerprintIsAllowed() throws IOException {
        // Given: a producer schema with an extra trailing field (compatible, but not the compiled-in schema)
        Schema extended = withTrailingNote();
        String fingerprint = WriterSchemaFingerprint.of(extended);
        Transaction refusedOne = generator.next();
        Transaction allowedOne = generator.next();
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        harness.rawTransactions.pipeInput(
                bytes(refusedOne.getTransactionId()),
                frame(harness.schemaRegistry().register("transactions-value", extended), refusedOne, "note"));
        assertThat(harness.deadLetters.readValue().getReason())
                .isEqualTo(DeadLetterReason.WRITER_SCHEMA_NOT_ALLOWED.name());
        harness.close();
        harness = TopologyHarness.startWithWriterSchemas(
                        EncryptionMode.OPT_IN,
                        WriterSchemaAllowList.of(Transaction.getClassSchema(), List.of(fingerprint)))
                .publish(keys);

        // When
        harness.rawTransactions.pipeInput(
                bytes(allowedOne.getTransactionId()),
                frame(harness.schemaRegistry().register("transactions-value", extended), allowedOne, "note"));
        harness.transactions.pipeInput(refusedOne.getTransactionId(), refusedOne);

        // Then
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertThat(harness.encrypted.readValuesToList())
                .extracting(e -> e.getTransactionId())
                .containsExactly(allowedOne.getTransactionId(), refusedOne.getTransactionId());
    }

    /** The genuine body, written with the compiled-in schema (plus a trailing string), framed with {@code id}. */
    private static byte[] frame(int id, Transaction transaction, String trailing) throws IOException {
        ByteArrayOutputStream out = ConfluentWireFormat.startFrame(id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Transaction.class).write(transaction, encoder);
        if (trailing != null) {
            encoder.writeString(trailing);
        }
        encoder.flush();
        return out.toByteArray();
    }

    /** The Transaction schema with the names of two fields swapped (both readable: string and bytes promote). */
    private static Schema swapped(String first, String second) {
        String json = Transaction.getClassSchema()
                .toString()
                .replace("\"name\":\"" + first + "\"", "\"name\":\"@swap@\"")
                .replace("\"name\":\"" + second + "\"", "\"name\":\"" + first + "\"")
                .replace("\"name\":\"@swap@\"", "\"name\":\"" + second + "\"");
        return new Schema.Parser().parse(json);
    }

    private static Schema withTrailingNote() {
        Schema current = Transaction.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>(current.getFields().stream()
                .map(field -> new Schema.Field(field, field.schema()))
                .toList());
        fields.add(new Schema.Field("note", Schema.create(Schema.Type.STRING)));
        Schema extended =
                Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        return new Schema.Parser().parse(extended.toString());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
