package dev.ctx.processor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.serde.ConfluentWireFormat;

/** Which access events the sealer takes from the wire as they are, and which it decodes (docs/audit-sealer.md). */
class SealerInputDeserializerTest {

    private static final String TOPIC = "access-log.events";

    private String scope;
    private ConfluentAvroSerde<AccessEvent> serde;
    private SealerInputDeserializer deserializer;

    @BeforeEach
    void createSerde() {
        scope = "sealer-input-" + UUID.randomUUID();
        serde = ConfluentAvroSerdes.forClass(
                AccessEvent.class, Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope), false);
        deserializer = SealerInputDeserializer.of(serde);
    }

    @AfterEach
    void dropScope() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void anEventWrittenByTheBuilderIsTakenAsItIs() {
        // Given: the builder keeps attributes sorted, so the body is canonical
        AccessEvent event = SealerHarness.event("e-1");

        // When
        SealerInput input = deserializer.deserialize(TOPIC, serde.serialize(TOPIC, event));

        // Then
        assertThat(input.decoded()).isNull();
        assertThat(input.canonical().canonical()).isEqualTo(CanonicalAccessEvent.encode(event));
        assertThat(input.canonical().eventId()).isEqualTo("e-1");
        assertThat(input.canonical().timestampMillis())
                .isEqualTo(event.getTimestamp().toEpochMilli());
    }

    @Test
    void anEventWithItsAttributesInAnotherOrderIsDecoded() {
        // Given
        AccessEvent event = unsorted(SealerHarness.event("e-1"));

        // When
        SealerInput input = deserializer.deserialize(TOPIC, serde.serialize(TOPIC, event));

        // Then
        assertThat(input.canonical()).isNull();
        assertThat(input.decoded()).isEqualTo(event);
    }

    @Test
    void aBodyOfAnotherWriterSchemaIsDecodedEvenWhenItsBytesWouldPass() throws IOException {
        // Given: a compatible writer schema with one more outcome symbol; the body's bytes are those v4 would write
        AccessEvent event = SealerHarness.event("e-1");
        Schema writer = new Schema.Parser()
                .parse(AccessEvent.getClassSchema().toString().replace("\"FAILED\"", "\"FAILED\",\"TIMED_OUT\""));
        int id = MockSchemaRegistry.scope(scope).register(TOPIC + "-value", writer);
        byte[] payload = frame(id, writer, event);

        // When: between two records of the compiled-in schema, on the same deserializer
        SealerInput before = deserializer.deserialize(TOPIC, serde.serialize(TOPIC, event));
        SealerInput input = deserializer.deserialize(TOPIC, payload);
        SealerInput after = deserializer.deserialize(TOPIC, serde.serialize(TOPIC, event));

        // Then
        assertThat(payload).endsWith(bodyOf(serde.serialize(TOPIC, event)));
        assertThat(input.canonical()).isNull();
        assertThat(input.decoded()).isEqualTo(event);
        assertThat(before.canonical()).isNotNull();
        assertThat(after.canonical()).isNotNull();
    }

    @Test
    void whatTheSerdeCannotReadFailsAsTheSerdeFails() {
        byte[] badMagic = {1, 0, 0, 0, 1, 2};
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2};

        for (byte[] payload : new byte[][] {badMagic, unknownId}) {
            Throwable expected = catchThrowable(() -> serde.deserialize(TOPIC, payload));
            assertThat(expected).isNotNull();
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload)).isExactlyInstanceOf(expected.getClass());
        }
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void anotherKindOfSerdeIsAlwaysDecoded() {
        // Given
        AccessEvent event = SealerHarness.event("e-1");
        SealerInputDeserializer plain = SealerInputDeserializer.of(Serdes.serdeFrom(serde, serde));

        // When
        SealerInput input = plain.deserialize(TOPIC, serde.serialize(TOPIC, event));

        // Then
        assertThat(input.canonical()).isNull();
        assertThat(input.decoded()).isEqualTo(event);
        assertThat(input.toString()).isEqualTo("SealerInput[decoded]");
    }

    /** The same event with its attributes in descending key order, as a producer not using the builder may write. */
    static AccessEvent unsorted(AccessEvent event) {
        Map<String, String> descending = new LinkedHashMap<>();
        event.getAttributes().keySet().stream()
                .sorted((a, b) -> b.compareTo(a))
                .forEach(key -> descending.put(key, event.getAttributes().get(key)));
        AccessEvent copy = AccessEvent.newBuilder(event).build();
        copy.setAttributes(descending);
        return copy;
    }

    private static byte[] frame(int id, Schema writer, AccessEvent event) throws IOException {
        ByteArrayOutputStream out = ConfluentWireFormat.startFrame(id);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<AccessEvent>(writer, SpecificData.getForClass(AccessEvent.class)).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] bodyOf(byte[] payload) {
        byte[] body = new byte[payload.length - ConfluentWireFormat.HEADER_SIZE];
        System.arraycopy(payload, ConfluentWireFormat.HEADER_SIZE, body, 0, body.length);
        return body;
    }
}
