package dev.ctx.processor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.schemas.auditlog.MerkleTree;

/** The stored chain head v1, pinned by a golden file and built field by field (docs/audit-sealer.md, "State"). */
class ChainHeadSerdeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/audit/chain-head-v1.hex");

    /** partition 3, sequences 2..4 pending (3 leaves: frontier of 2), fixed hashes and time. */
    static ChainHead golden() {
        MerkleTree.Builder merkle = new MerkleTree.Builder();
        merkle.append(filled(0x0a)).append(filled(0x0b)).append(filled(0x0c));
        return new ChainHead(3, 5, filled(0x11), 2, filled(0x22), 1_764_583_200_000L, merkle.frontier());
    }

    @Test
    void storedFormV1IsTheGoldenFileFieldByField() throws IOException {
        // Given
        ChainHead head = golden();
        List<byte[]> frontier = head.frontier();
        String expected = "01" // version
                + "00000003" // partition
                + "0000000000000005" // nextSequence
                + "11".repeat(32) // lastHash
                + "0000000000000002" // checkpointFrom
                + "22".repeat(32) // previousCheckpoint
                + String.format("%016x", 1_764_583_200_000L) // lastCheckpointAt
                + "02" // frontier count
                + HEX.formatHex(frontier.get(0))
                + HEX.formatHex(frontier.get(1));

        // When
        String stored = HEX.formatHex(ChainHeadSerde.bytes(head));

        // Then
        assertThat(stored).isEqualTo(expected);
        assertThat(stored)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.US_ASCII).strip());
    }

    @Test
    void theGoldenFileParsesBackToTheSameHeadAndMerkleState() throws IOException {
        // When
        ChainHead parsed =
                ChainHeadSerde.parse(HEX.parseHex(Files.readString(GOLDEN).strip()));

        // Then
        ChainHead expected = golden();
        assertThat(parsed.partition()).isEqualTo(3);
        assertThat(parsed.nextSequence()).isEqualTo(5);
        assertThat(parsed.checkpointFrom()).isEqualTo(2);
        assertThat(parsed.pending()).isEqualTo(3);
        assertThat(parsed.lastHash()).isEqualTo(filled(0x11));
        assertThat(parsed.previousCheckpoint()).isEqualTo(filled(0x22));
        assertThat(parsed.lastCheckpointAtMillis()).isEqualTo(1_764_583_200_000L);
        assertThat(parsed.merkleRoot())
                .isEqualTo(MerkleTree.root(List.of(filled(0x0a), filled(0x0b), filled(0x0c))))
                .isEqualTo(expected.merkleRoot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "truncated", "trailing", "frontier"})
    void aDamagedHeadFailsInsteadOfBeingGuessed(String damage) {
        // Given
        byte[] good = ChainHeadSerde.bytes(golden());
        byte[] bad = switch (damage) {
            case "version" -> withByte(good, 0, (byte) 2);
            case "truncated" -> Arrays.copyOf(good, good.length - 1);
            case "trailing" -> Arrays.copyOf(good, good.length + 1);
            default -> withByte(good, 1 + 4 + 8 + 32 + 8 + 32 + 8, (byte) 1);
        };

        // When / Then
        assertThatThrownBy(() -> ChainHeadSerde.parse(bad)).isInstanceOf(SerializationException.class);
    }

    private static byte[] withByte(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] filled(int value) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) value);
        return hash;
    }
}
