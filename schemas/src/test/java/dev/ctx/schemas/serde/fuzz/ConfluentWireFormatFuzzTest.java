package dev.ctx.schemas.serde.fuzz;

import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.AvroSerdeException;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.serde.TestRecords;

/**
 * Fuzz target for the Confluent wire-format deserializer (magic byte, big-endian schema id, Avro body): for every
 * record type read from a topic, any payload either decodes or is refused with an {@link AvroSerdeException} subclass,
 * within a bounded time and an allocation bounded by the payload's size (a string, bytes or array length of 2^31 in
 * the body is refused before anything of that size is allocated). Each type's writer schema is registered at the
 * id the golden files carry, so the committed corpus (the golden records and hand-made malformations, under
 * src/test/resources/dev/ctx/schemas/serde/fuzz/ConfluentWireFormatFuzzTestInputs) reaches the body.
 */
class ConfluentWireFormatFuzzTest {

    private static final List<Deserializer<?>> DESERIALIZERS = List.of(
            deserializer(TestRecords.transaction()),
            deserializer(TestRecords.encryptedTransaction()),
            deserializer(TestRecords.envelope()),
            deserializer(TestRecords.accessEvent()),
            deserializer(TestRecords.keyring()),
            deserializer(TestRecords.deadLetter()),
            deserializer(TestRecords.accessGrant()),
            deserializer(TestRecords.escrowRequest()));

    @FuzzTest(maxDuration = "60s")
    void everyRecordTypeDecodesOrRefusesWithATypedError(byte[] input) {
        FuzzProperty.onlyTypedRejections(input, List.of(AvroSerdeException.class), payload -> {
            for (Deserializer<?> deserializer : DESERIALIZERS) {
                try {
                    deserializer.deserialize("fuzz", payload);
                } catch (AvroSerdeException e) {
                    // typed: try the next type, so one input reaches every record reader
                }
            }
        });
    }

    private static <T extends SpecificRecord> Deserializer<T> deserializer(T sample) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) sample.getClass();
        String scope = "fuzz-" + type.getSimpleName();
        MockSchemaRegistry.scope(scope).registerWithId("fuzz-value", sample.getSchema(), TestRecords.GOLDEN_SCHEMA_ID);
        ConfluentAvroSerde<T> serde = ConfluentAvroSerdes.forClass(
                type, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + scope), false);
        return serde.deserializer();
    }
}
