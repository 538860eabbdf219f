package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;

/** Records written with an older registered schema read as the current generated class. */
class SchemaEvolutionTest {

    private static final String SCOPE = "schema-evolution";
    private static final String TOPIC = "transactions";

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void recordWrittenWithV1WithoutConfidentialFieldReadsAsCurrentClassWithTheDefault() throws IOException {
        // Given: v1 = the current schema without the later-added "confidential" field (default true)
        Schema v1 = withoutField(Transaction.getClassSchema(), "confidential");
        int v1Id = MockSchemaRegistry.scope(SCOPE).register(TOPIC + "-value", v1);
        Transaction expected = TestRecords.transaction();
        byte[] v1Bytes = frame(v1Id, v1, copyInto(v1, expected));
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(
                Transaction.class,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
                false);
        // When
        Transaction decoded = serde.deserialize(TOPIC, v1Bytes);
        // Then
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.getConfidential()).isTrue();
        assertThat(serde.serialize(TOPIC, decoded)).isNotEqualTo(v1Bytes);
    }

    private static Schema withoutField(Schema schema, String dropped) {
        Schema copy = Schema.createRecord(
                schema.getName(),
                schema.getDoc(),
                schema.getNamespace(),
                false,
                schema.getFields().stream()
                        .filter(f -> !f.name().equals(dropped))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .collect(Collectors.toList()));
        return new Schema.Parser().parse(copy.toString());
    }

    private static GenericRecord copyInto(Schema schema, Transaction source) {
        GenericData.Record record = new GenericData.Record(schema);
        schema.getFields().forEach(f -> record.put(f.name(), source.get(f.name())));
        return record;
    }

    private static byte[] frame(int id, Schema writer, GenericRecord record) throws IOException {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        ByteArrayOutputStream out = ConfluentWireFormat.startFrame(id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer, data).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
