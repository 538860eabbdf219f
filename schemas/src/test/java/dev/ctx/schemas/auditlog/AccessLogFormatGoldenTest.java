package dev.ctx.schemas.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.serde.TestRecords;

/**
 * Pins the access-log chain format v1 (docs/access-log-chain.md) with committed golden files: the canonical encoding
 * of an event, the genesis and entry hashes of a two-entry chain, and a checkpoint's signing input. Regenerate only
 * for a deliberate, documented format change, with {@code -Dctx.golden.update=true}.
 */
class AccessLogFormatGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/access-log");
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void canonicalEncodingOfTheTestEventEqualsTheGoldenFile() throws IOException {
        // When
        byte[] canonical = CanonicalAccessEvent.encode(eventWithUnsortedAttributes());
        // Then
        assertGolden("canonical-event-v1.hex", HEX.formatHex(canonical));
        assertThat(canonical).startsWith((byte) 0xC3, (byte) 0x01);
    }

    @Test
    void canonicalEncodingDoesNotDependOnTheOrderAttributesWereAddedIn() {
        // Given
        AccessEvent forward = eventWithAttributes(new LinkedHashMap<>(Map.of()), "a", "z");
        AccessEvent backward = eventWithAttributes(new LinkedHashMap<>(Map.of()), "z", "a");
        // Then
        assertThat(CanonicalAccessEvent.encode(forward)).isEqualTo(CanonicalAccessEvent.encode(backward));
    }

    @Test
    void canonicalBytesDecodeToTheSameEventAndAreCanonical() {
        // Given
        AccessEvent event = eventWithUnsortedAttributes();
        byte[] canonical = CanonicalAccessEvent.encode(event);
        // When
        AccessEvent decoded = CanonicalAccessEvent.decode(canonical);
        // Then
        assertThat(decoded.getEventId()).isEqualTo(event.getEventId());
        assertThat(decoded.getAttributes()).isEqualTo(event.getAttributes());
        assertThat(CanonicalAccessEvent.isCanonical(canonical)).isTrue();
    }

    @Test
    void decodeRejectsBytesWithoutTheSingleObjectMarkerOrWithATruncatedBody() {
        byte[] canonical = CanonicalAccessEvent.encode(eventWithUnsortedAttributes());
        byte[] noMarker = canonical.clone();
        noMarker[0] = 0;
        byte[] truncated = java.util.Arrays.copyOf(canonical, 14); // qualified: one use
        assertThatThrownBy(() -> CanonicalAccessEvent.decode(noMarker)).isInstanceOf(CanonicalEncodingException.class);
        assertThatThrownBy(() -> CanonicalAccessEvent.decode(truncated)).isInstanceOf(CanonicalEncodingException.class);
    }

    @ParameterizedTest(name = "id of {0} characters")
    @ValueSource(ints = {0, 1, 36, 63, 64, 200})
    void theEventIdIsReadFromTheFirstFieldWithoutDecodingTheRest(int length) {
        // Given: ids whose Avro length prefix takes one or two varint bytes
        String id = "e".repeat(length);
        byte[] canonical = CanonicalAccessEvent.encode(
                AccessEvent.newBuilder(TestRecords.accessEvent()).setEventId(id).build());
        // Then
        assertThat(CanonicalAccessEvent.hasEventId(canonical, id)).isTrue();
        assertThat(CanonicalAccessEvent.hasEventId(canonical, id + "x")).isFalse();
        assertThat(CanonicalAccessEvent.hasEventId(canonical, "f" + id.substring(Math.min(1, length))))
                .isFalse();
    }

    @Test
    void theEventIdCheckRejectsAnotherHeaderOrACutLengthPrefix() {
        // Given
        String id = TestRecords.accessEvent().getEventId();
        byte[] canonical = CanonicalAccessEvent.encode(TestRecords.accessEvent());
        byte[] otherSchema = canonical.clone();
        otherSchema[5] ^= 1;
        byte[] noMarker = canonical.clone();
        noMarker[0] = 0;
        byte[] cut = java.util.Arrays.copyOf(canonical, 10 + 1 + id.length() - 1); // qualified: one use
        // Then
        for (byte[] bad : List.of(otherSchema, noMarker, cut, new byte[3])) {
            assertThatThrownBy(() -> CanonicalAccessEvent.hasEventId(bad, id))
                    .isInstanceOf(CanonicalEncodingException.class);
        }
    }

    @Test
    void aReusedDigestGivesTheSameChainHashAsAFreshOne() {
        // Given
        MessageDigest reused = ChainHash.sha256();
        byte[] prev = ChainHash.genesis(3);
        byte[] event = CanonicalAccessEvent.encode(TestRecords.accessEvent());
        reused.update(new byte[] {1, 2, 3}); // left dirty on purpose: next must reset it
        // Then
        assertThat(ChainHash.next(reused, prev, event)).isEqualTo(ChainHash.next(prev, event));
        assertThat(ChainHash.next(reused, prev, event)).isEqualTo(ChainHash.next(prev, event));
    }

    @Test
    void chainHashesOfATwoEntryChainEqualTheGoldenFile() throws IOException {
        // Given
        byte[] first = CanonicalAccessEvent.encode(eventWithUnsortedAttributes());
        byte[] second = CanonicalAccessEvent.encode(TestRecords.accessEvent());
        // When
        byte[] genesis = ChainHash.genesis(3);
        byte[] hash0 = ChainHash.next(genesis, first);
        byte[] hash1 = ChainHash.next(hash0, second);
        // Then
        assertGolden(
                "chain-v1.txt",
                "genesis(3) " + HEX.formatHex(genesis) + "\nhash(0) " + HEX.formatHex(hash0) + "\nhash(1) "
                        + HEX.formatHex(hash1) + "\n");
        assertThat(HEX.formatHex(ChainHash.genesis(0)))
                .as("computed independently with Python's hashlib")
                .isEqualTo("769720f89d24b7449fafb91e248c225b48d02d24c78b7aa5f9d279feebba208e");
        assertThat(HEX.formatHex(genesis))
                .isEqualTo("a392bc442a65c6d4807bd76370a1643dbe6f898aac6c1989086f97a2fe5d1aaa");
    }

    @Test
    void checkpointSigningInputEqualsTheGoldenFileAndIgnoresTheSignature() throws IOException {
        // Given
        AccessLogCheckpoint checkpoint = checkpoint();
        AccessLogCheckpoint otherSignature = AccessLogCheckpoint.newBuilder(checkpoint)
                .setSignature(java.nio.ByteBuffer.wrap(new byte[64])) // qualified: one use
                .build();
        // When
        byte[] input = CheckpointSigningInput.bytes(checkpoint);
        // Then
        assertGolden("checkpoint-signing-input-v1.hex", HEX.formatHex(input));
        assertThat(input).startsWith(CheckpointSigningInput.LABEL.getBytes(StandardCharsets.US_ASCII));
        assertThat(CheckpointSigningInput.bytes(otherSignature)).isEqualTo(input);
        assertThat(CheckpointSigningInput.digest(checkpoint)).hasSize(32);
    }

    @Test
    void checkpointSigningInputCoversEveryField() {
        AccessLogCheckpoint base = checkpoint();
        byte[] input = CheckpointSigningInput.bytes(base);
        assertThat(CheckpointSigningInput.bytes(
                        AccessLogCheckpoint.newBuilder(base).setPartition(4).build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(
                        AccessLogCheckpoint.newBuilder(base).setFirstSequence(1).build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(
                        AccessLogCheckpoint.newBuilder(base).setLastSequence(9).build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(AccessLogCheckpoint.newBuilder(base)
                        .setHeadHash(hash(9))
                        .build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(AccessLogCheckpoint.newBuilder(base)
                        .setMerkleRoot(hash(9))
                        .build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(AccessLogCheckpoint.newBuilder(base)
                        .setPreviousCheckpoint(hash(9))
                        .build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(AccessLogCheckpoint.newBuilder(base)
                        .setSignedAt(Instant.ofEpochMilli(1))
                        .build()))
                .isNotEqualTo(input);
        assertThat(CheckpointSigningInput.bytes(AccessLogCheckpoint.newBuilder(base)
                        .setSigningKeyId("k2")
                        .build()))
                .isNotEqualTo(input);
    }

    static AccessLogCheckpoint checkpoint() {
        return AccessLogCheckpoint.newBuilder()
                .setFormatVersion(1)
                .setPartition(3)
                .setFirstSequence(0)
                .setLastSequence(7)
                .setHeadHash(hash(1))
                .setMerkleRoot(hash(2))
                .setPreviousCheckpoint(CheckpointSigningInput.noPrevious())
                .setSignedAt(Instant.parse("2026-12-02T00:00:00Z"))
                .setSigningKeyId("audit-signing-1")
                .setSignature(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3})) // qualified: one use
                .build();
    }

    private static Sha256 hash(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill); // qualified: one use
        return new Sha256(bytes);
    }

    private static AccessEvent eventWithUnsortedAttributes() {
        return eventWithAttributes(new LinkedHashMap<>(), "participant", "generation", "keyVersion");
    }

    private static AccessEvent eventWithAttributes(Map<String, String> attributes, String... keys) {
        for (String key : keys) {
            attributes.put(key, key + "-value");
        }
        return AccessEvent.newBuilder(TestRecords.accessEvent())
                .setAttributes(attributes)
                .build();
    }

    private static void assertGolden(String file, String actual) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("ctx.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(path, actual.endsWith("\n") ? actual : actual + "\n");
        }
        assertThat(actual.strip()).isEqualTo(Files.readString(path).strip());
    }
}
