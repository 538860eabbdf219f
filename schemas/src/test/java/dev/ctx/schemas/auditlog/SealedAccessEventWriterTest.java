package dev.ctx.schemas.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;

/** The sealer's hand-written entry writer against Avro's own, and the entry body pinned by a golden file. */
class SealedAccessEventWriterTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/access-log/sealed-access-event-v1.hex");
    private static final DatumWriter<SealedAccessEvent> AVRO = new SpecificDatumWriter<>(
            SealedAccessEvent.getClassSchema(), SpecificData.getForClass(SealedAccessEvent.class));

    @Test
    void theCompiledInSchemaIsTheOneWrittenByHand() {
        assertThat(SealedAccessEventWriter.forCompiledSchema()).isInstanceOf(SealedAccessEventWriter.class);
    }

    @Test
    void theBodyOfAFixedEntryIsTheGoldenFileFieldByField() throws IOException {
        // Given
        SealedAccessEvent entry =
                entry(1, 2, 70, "e-1", 0x11, 0x22, new byte[] {(byte) 0xC3, 0x01, 0x7f}, 1_764_000_000_000L, 5);
        String expected = "02" // formatVersion 1 (zig-zag varint)
                + "04" // partition 2
                + "8c01" // sequence 70
                + "06" + "652d31" // eventId "e-1"
                + "11".repeat(32) // prevHash, fixed 32
                + "22".repeat(32) // hash, fixed 32
                + "06" + "c3017f" // event, 3 bytes
                + "80a0bfe9d666" // sealedAt 1764000000000 ms
                + "0a"; // sourceOffset 5

        // When
        String written = HEX.formatHex(body(SealedAccessEventWriter.forCompiledSchema(), entry));

        // Then
        assertThat(written).isEqualTo(expected);
        assertThat(HEX.formatHex(body(AVRO, entry))).isEqualTo(expected);
        assertThat(written)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.US_ASCII).strip());
    }

    @Test
    void itWritesWhatAvrosWriterWritesForVariedEntries() {
        Random random = new Random(3);
        DatumWriter<SealedAccessEvent> byHand = SealedAccessEventWriter.forCompiledSchema();
        for (int i = 0; i < 1_000; i++) {
            byte[] event = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(2_000)];
            random.nextBytes(event);
            SealedAccessEvent entry = entry(
                    random.nextInt(),
                    random.nextInt(),
                    random.nextBoolean() ? random.nextLong() : i,
                    random.nextBoolean() ? UUID.randomUUID().toString() : "é🔑-" + i,
                    random.nextInt(256),
                    random.nextInt(256),
                    event,
                    random.nextLong() / 1_000,
                    random.nextLong());

            assertThat(body(byHand, entry)).as("entry %d", i).isEqualTo(body(AVRO, entry));
        }
    }

    @Test
    void aSerdeWithTheWriterFramesWhatTheDefaultSerdeFrames() {
        String scope = "entry-writer-" + UUID.randomUUID();
        Map<String, String> config = Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
        try (ConfluentAvroSerde<SealedAccessEvent> plain =
                        ConfluentAvroSerdes.forClass(SealedAccessEvent.class, config, false);
                ConfluentAvroSerde<SealedAccessEvent> byHand = ConfluentAvroSerdes.forClass(
                        SealedAccessEvent.class, config, false, SealedAccessEventWriter.forCompiledSchema())) {
            SealedAccessEvent entry = entry(1, 0, 0, "e-0", 1, 2, new byte[] {1, 2, 3}, 0, 0);

            assertThat(byHand.serialize("access-log", entry)).isEqualTo(plain.serialize("access-log", entry));
            assertThat(byHand.deserialize("access-log", byHand.serialize("access-log", entry)))
                    .isEqualTo(entry);
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    @Test
    void anEntryWithoutARequiredFieldFailsAsWithAvrosWriter() {
        SealedAccessEvent entry = entry(1, 0, 0, "e-0", 1, 2, new byte[0], 0, 0);
        entry.setEventId(null);

        assertThatThrownBy(() -> body(SealedAccessEventWriter.forCompiledSchema(), entry))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> body(AVRO, entry)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void itRefusesAnotherSchema() {
        assertThatThrownBy(() -> SealedAccessEventWriter.forCompiledSchema().setSchema(AccessEvent.getClassSchema()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SealedAccessEvent entry(
            int formatVersion,
            int partition,
            long sequence,
            String eventId,
            int prevFill,
            int hashFill,
            byte[] event,
            long sealedAtMillis,
            long sourceOffset) {
        return SealedAccessEvent.newBuilder()
                .setFormatVersion(formatVersion)
                .setPartition(partition)
                .setSequence(sequence)
                .setEventId(eventId)
                .setPrevHash(new Sha256(filled(prevFill)))
                .setHash(new Sha256(filled(hashFill)))
                .setEvent(ByteBuffer.wrap(event))
                .setSealedAt(Instant.ofEpochMilli(sealedAtMillis))
                .setSourceOffset(sourceOffset)
                .build();
    }

    private static byte[] filled(int value) {
        byte[] hash = new byte[ChainHash.LENGTH];
        Arrays.fill(hash, (byte) value);
        return hash;
    }

    private static byte[] body(DatumWriter<SealedAccessEvent> writer, SealedAccessEvent entry) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(entry, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
