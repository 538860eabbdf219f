package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;

/** The per-thread frame buffer the serializer reuses never lets one record's bytes reach another's frame. */
class FrameBufferTest {

    private static final String SCOPE = "frame-buffer-test";
    private static final String TOPIC = "transactions";
    private final Serde<Transaction> serde = ConfluentAvroSerdes.forClass(
            Transaction.class, Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + SCOPE), false);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void aRecordAfterOneLargerThanTheKeptBufferIsFramedAlone() {
        // Given
        byte[] alone = serde.serializer().serialize(TOPIC, TestRecords.transaction());
        Transaction large = Transaction.newBuilder(TestRecords.transaction())
                .setTransactionId("x".repeat(FrameBuffer.KEEP_AT_MOST + 1))
                .build();
        // When
        byte[] largeFrame = serde.serializer().serialize(TOPIC, large);
        byte[] after = serde.serializer().serialize(TOPIC, TestRecords.transaction());
        // Then
        assertThat(serde.deserializer().deserialize(TOPIC, largeFrame)).isEqualTo(large);
        assertThat(after).isEqualTo(alone);
    }

    @Test
    void aRecordAfterAFailedEncodingIsFramedAlone() {
        // Given
        byte[] alone = serde.serializer().serialize(TOPIC, TestRecords.transaction());
        Transaction broken = TestRecords.transaction();
        broken.setParticipants(null);
        // When
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, broken))
                .isInstanceOf(UnencodableRecordException.class);
        byte[] after = serde.serializer().serialize(TOPIC, TestRecords.transaction());
        // Then
        assertThat(after).isEqualTo(alone);
    }
}
