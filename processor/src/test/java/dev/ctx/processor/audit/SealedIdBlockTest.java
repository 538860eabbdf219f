package dev.ctx.processor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored dedup-window block v1, pinned by a golden file and built field by field (docs/audit-sealer.md). */
class SealedIdBlockTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/audit/sealed-id-block-v1.hex");

    @Test
    void storedFormV1IsTheGoldenFileFieldByField() throws IOException {
        // Given: sequences 128, 129 (not known) and 130 of block 2
        SealedIdBlock block = SealedIdBlock.starting(128);
        block.add("e-1");
        block.add("");
        block.add("é-2");
        String expected = "01" // version
                + "0000000000000080" // firstSequence 128
                + "00000003" + "652d31" // "e-1"
                + "00000000" // not known
                + "00000004" + "c3a92d32"; // "é-2" in UTF-8

        // When
        String stored = HEX.formatHex(block.bytes());

        // Then
        assertThat(stored).isEqualTo(expected);
        assertThat(stored)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.US_ASCII).strip());
        assertThat(block.nextSequence()).isEqualTo(131);
    }

    @Test
    void theGoldenFileParsesBackToItsFirstSequenceAndIds() throws IOException {
        // When
        SealedIdBlock.Parsed parsed =
                SealedIdBlock.parse(HEX.parseHex(Files.readString(GOLDEN).strip()));

        // Then
        assertThat(parsed.firstSequence()).isEqualTo(128);
        assertThat(parsed.ids()).containsExactly("e-1", "", "é-2");
    }

    @Test
    void aResumedBlockKeepsTheStoredIdsBeforeTheNextSequenceAndDropsLaterOnes() {
        // Given: a stored block with ids for 64..67
        SealedIdBlock stored = SealedIdBlock.starting(64);
        List.of("a", "b", "c", "d").forEach(stored::add);

        // When: the committed head says 66 is next
        SealedIdBlock resumed = SealedIdBlock.resume(66, SealedIdBlock.parse(stored.bytes()));

        // Then
        assertThat(resumed.nextSequence()).isEqualTo(66);
        assertThat(SealedIdBlock.parse(resumed.bytes()).ids()).containsExactly("a", "b");
    }

    @Test
    void aBlockResumedWithoutItsStoredFormMarksTheEarlierIdsAsNotKnown() {
        // When
        SealedIdBlock resumed = SealedIdBlock.resume(130, null);

        // Then
        assertThat(resumed.firstSequence()).isEqualTo(128);
        assertThat(SealedIdBlock.parse(resumed.bytes()).ids()).containsExactly("", "");
    }

    @Test
    void aFullBlockTakesNoMoreIds() {
        // Given
        SealedIdBlock block = SealedIdBlock.starting(0);
        for (int i = 0; i < SealedIdBlock.SIZE; i++) {
            block.add("e-" + i);
        }

        // Then
        assertThat(block.full()).isTrue();
        assertThatThrownBy(() -> block.add("one-more")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "02" + "0000000000000000", // version
                "01" + "00000000000000", // truncated first sequence
                "01" + "0000000000000001", // not a multiple of 64
                "01" + "ffffffffffffffc0", // negative
                "01" + "0000000000000000" + "00000005" + "6162", // length past the end
                "01" + "0000000000000000" + "00000002" + "c328", // malformed UTF-8
                "01" + "0000000000000000" + "000000" // truncated length
            })
    void anythingButAValidBlockFailsInsteadOfBeingGuessed(String hex) {
        assertThatThrownBy(() -> SealedIdBlock.parse(HEX.parseHex(hex))).isInstanceOf(SerializationException.class);
    }

    @Test
    void moreThanSixtyFourIdsFail() {
        // Given
        StringBuilder hex = new StringBuilder("01" + "0000000000000000");
        for (int i = 0; i <= SealedIdBlock.SIZE; i++) {
            hex.append("00000001").append("61");
        }

        // Then
        assertThatThrownBy(() -> SealedIdBlock.parse(HEX.parseHex(hex.toString())))
                .isInstanceOf(SerializationException.class);
    }
}
