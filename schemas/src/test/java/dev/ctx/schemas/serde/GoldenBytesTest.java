package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;

/**
 * Pins the Confluent wire layout with committed golden files: magic 0x00, big-endian schema id, Avro body.
 * Regenerate (only for a deliberate, documented layout change) with {@code -Dctx.golden.update=true}.
 */
class GoldenBytesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String SCOPE = "golden-bytes";
    private static final String TOPIC = "golden";

    static Stream<Arguments> goldenRecords() {
        return Stream.of(
                Arguments.of("transaction-v1.hex", TestRecords.transaction()),
                Arguments.of("encrypted-transaction-v2.hex", TestRecords.encryptedTransaction()),
                Arguments.of("envelope-v2.hex", TestRecords.envelope()),
                Arguments.of("access-event-v1.hex", TestRecords.accessEvent()),
                Arguments.of("participant-keyring-v1.hex", TestRecords.keyring()),
                Arguments.of("dead-letter-v1.hex", TestRecords.deadLetter()),
                Arguments.of("access-grant-v1.hex", TestRecords.accessGrant()),
                Arguments.of("escrow-request-v1.hex", TestRecords.escrowRequest()));
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenRecords")
    <T extends SpecificRecord> void serializedBytesEqualTheGoldenFile(String file, T record) throws IOException {
        // Given
        ConfluentAvroSerde<T> serde = serdeWithPinnedId(record);
        // When
        byte[] bytes = serde.serialize(TOPIC, record);
        // Then
        if (Boolean.getBoolean("ctx.golden.update")) {
            Files.writeString(GOLDEN.resolve(file), HexFormat.of().formatHex(bytes) + "\n");
        }
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenRecords")
    <T extends SpecificRecord> void goldenFileStartsWithMagicAndBigEndianIdAndDecodes(String file, T record)
            throws IOException {
        // Given
        ConfluentAvroSerde<T> serde = serdeWithPinnedId(record);
        byte[] golden = HexFormat.of().parseHex(golden(file));
        // When
        T decoded = serde.deserialize(TOPIC, golden);
        // Then
        assertThat(golden).startsWith(0x00, 0x01, 0x02, 0x03, 0x04);
        assertThat(decoded).isEqualTo(record);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> ConfluentAvroSerde<T> serdeWithPinnedId(T record) {
        MockSchemaRegistry.scope(SCOPE)
                .registerWithId(TOPIC + "-value", record.getSchema(), TestRecords.GOLDEN_SCHEMA_ID);
        return ConfluentAvroSerdes.forClass(
                (Class<T>) record.getClass(),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
                false);
    }

    private static String golden(String file) throws IOException {
        return Files.readString(GOLDEN.resolve(file), StandardCharsets.US_ASCII).trim();
    }
}
