package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.schemaregistry.CompatibilityLevel;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;

/** Every class of bad input raises a typed SerializationException naming topic and cause, never leaking bytes. */
class MalformedPayloadTest {

    private static final String SCOPE = "malformed-payload";
    private static final String TOPIC = "transactions";
    private ConfluentAvroSerde<Transaction> serde;
    private byte[] valid;

    @BeforeEach
    void setUp() {
        serde = ConfluentAvroSerdes.forClass(
                Transaction.class,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
                false);
        valid = serde.serialize(TOPIC, TestRecords.transaction());
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void payloadShorterThanTheHeaderIsInvalidWireFormat(int length) {
        // Given
        byte[] payload = Arrays.copyOf(valid, length);
        // When / Then
        assertRejected(payload, InvalidWireFormatException.class, "shorter than the 5-byte Confluent header");
    }

    @ParameterizedTest(name = "magic 0x{0}")
    @ValueSource(ints = {0x01, 0x7f, 0xc3, 0xff})
    void wrongMagicByteIsInvalidWireFormat(int magic) {
        // Given
        byte[] payload = valid.clone();
        payload[0] = (byte) magic;
        // When / Then
        assertRejected(payload, InvalidWireFormatException.class, "magic byte");
    }

    @Test
    void unknownSchemaIdIsReportedWithTheId() {
        // Given
        byte[] payload = valid.clone();
        payload[1] = 0x7f;
        // When / Then
        assertRejected(payload, UnknownSchemaIdException.class, "schema id " + (0x7f000000 | 1));
    }

    static Stream<Arguments> truncations() {
        return IntStream.of(1, 2, 5, 17, 40).mapToObj(Arguments::of);
    }

    @ParameterizedTest(name = "cut {0} bytes")
    @MethodSource("truncations")
    void truncatedBodyIsUndecodable(int cut) {
        // Given
        byte[] payload = Arrays.copyOf(valid, valid.length - cut);
        // When / Then
        assertRejected(payload, UndecodableRecordException.class, "malformed or truncated");
    }

    @Test
    void headerWithoutBodyIsUndecodable() {
        assertRejected(
                Arrays.copyOf(valid, ConfluentWireFormat.HEADER_SIZE),
                UndecodableRecordException.class,
                "malformed or truncated");
    }

    @Test
    void trailingBytesAfterTheRecordAreUndecodable() {
        // Given
        byte[] payload = Arrays.copyOf(valid, valid.length + 1);
        // When / Then
        assertRejected(payload, UndecodableRecordException.class, "bytes left after the record");
    }

    @Test
    void hugeLengthPrefixFailsWithoutAllocatingIt() {
        // Given: header, then a string length of 2^30 (zig-zag varint) and nothing behind it
        byte[] payload = Arrays.copyOf(valid, ConfluentWireFormat.HEADER_SIZE + 5);
        byte[] varint = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        System.arraycopy(varint, 0, payload, ConfluentWireFormat.HEADER_SIZE, varint.length);
        // When / Then
        assertRejected(payload, UndecodableRecordException.class, "malformed or truncated");
    }

    @Test
    void recordOfAnotherTypeIsAnIncompatibleWriterSchema() {
        // Given: a producer of another record type on the same subject, allowed by compatibility NONE
        MockSchemaRegistry.scope(SCOPE).setCompatibility(TOPIC + "-value", CompatibilityLevel.NONE);
        ConfluentAvroSerde<AccessEvent> events = ConfluentAvroSerdes.forClass(
                AccessEvent.class,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
                false);
        byte[] payload = events.serialize(
                TOPIC,
                AccessEvent.newBuilder()
                        .setEventId("e-1")
                        .setType(AccessEventType.ACCESS_DENIED)
                        .setRequester("client-1")
                        .setTimestamp(Instant.EPOCH)
                        .setOutcome(AccessOutcome.DENIED)
                        .setSource("test")
                        .build());
        // When / Then
        assertRejected(
                payload,
                IncompatibleWriterSchemaException.class,
                "cannot be read as dev.ctx.schemas.transaction.Transaction");
    }

    @Test
    void randomGarbageAfterAValidHeaderOnlyEverRaisesTypedExceptions() {
        // Given
        Random random = new Random(20261124L);
        for (int i = 0; i < 3000; i++) {
            byte[] payload = new byte[ConfluentWireFormat.HEADER_SIZE + random.nextInt(200)];
            random.nextBytes(payload);
            System.arraycopy(valid, 0, payload, 0, ConfluentWireFormat.HEADER_SIZE);
            // When
            Throwable thrown = catchThrowable(() -> serde.deserialize(TOPIC, payload));
            // Then
            assertThat(thrown)
                    .as("garbage #%d", i)
                    .isInstanceOf(UndecodableRecordException.class)
                    .hasMessageStartingWith("topic 'transactions': ");
        }
    }

    @Test
    void randomBitFlipsNeverRaiseAnUntypedException() {
        // Given
        Random random = new Random(7L);
        for (int i = 0; i < 3000; i++) {
            byte[] payload = valid.clone();
            int position =
                    ConfluentWireFormat.HEADER_SIZE + random.nextInt(valid.length - ConfluentWireFormat.HEADER_SIZE);
            payload[position] ^= (byte) (1 << random.nextInt(8));
            // When
            Throwable thrown = catchThrowable(() -> serde.deserialize(TOPIC, payload));
            // Then
            assertThat(thrown)
                    .as("flip #%d", i)
                    .satisfiesAnyOf(
                            t -> assertThat(t).isNull(),
                            t -> assertThat(t)
                                    .isInstanceOf(AvroSerdeException.class)
                                    .hasMessageContaining("topic 'transactions'"));
        }
    }

    private void assertRejected(byte[] payload, Class<? extends AvroSerdeException> type, String cause) {
        String hex = HexFormat.of().formatHex(payload, Math.min(5, payload.length), payload.length);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, payload))
                .isInstanceOf(type)
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("topic 'transactions': ")
                .hasMessageContaining(cause)
                .satisfies(e -> assertThat(hex.isEmpty() || !e.getMessage().contains(hex))
                        .isTrue())
                .hasMessageNotContaining("txn-0001")
                .hasMessageNotContaining("acct-7");
    }
}
