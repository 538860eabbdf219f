package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The progress topic's record layout (docs/rewrap-topology.md, "The progress topic"), pinned by a golden file. */
class RewrapProgressTest {

    private static final RewrapProgress ALICE_V2 = new RewrapProgress("alice", 2, 5, 1234, 3);

    @Test
    void theKeyIsParticipantVersionAndPartitionInEightHexDigitsSeparatedByZeroBytes() {
        assertThat(HexFormat.ofDelimiter(" ").formatHex(ALICE_V2.key().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("61 6c 69 63 65 00 30 30 30 30 30 30 30 32 00 30 30 30 30 30 30 30 35");
    }

    @Test
    void theValueMatchesTheGoldenFile() throws IOException {
        // When
        byte[] value = ALICE_V2.value();

        // Then
        assertThat(HexFormat.of().formatHex(value)).isEqualTo(golden());
        assertThat(HexFormat.of().formatHex(value)).isEqualTo("0100000000000004d200000003");
    }

    @Test
    void aRecordReadsBackAsWritten() {
        assertThat(RewrapProgress.parse(ALICE_V2.key(), ALICE_V2.value())).contains(ALICE_V2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "01",
                "0200000000000004d200000003",
                "0100000000000004d20000000300",
                "01ffffffffffffffff00000003"
            })
    void aValueThatIsNotTheLayoutIsIgnored(String hex) {
        assertThat(RewrapProgress.parse(ALICE_V2.key(), HexFormat.of().parseHex(hex)))
                .isEmpty();
    }

    @Test
    void aTombstoneOrAMalformedKeyIsIgnored() {
        assertThat(RewrapProgress.parse(ALICE_V2.key(), null)).isEmpty();
        assertThat(RewrapProgress.parse("alice\u00000002", ALICE_V2.value())).isEmpty();
        assertThat(RewrapProgress.parse("alice\u0000zzzzzzzz\u000000000005", ALICE_V2.value()))
                .isEmpty();
    }

    @Test
    void aCountForTheCurrentVersionOrANegativeCountCannotBeBuilt() {
        assertThatThrownBy(() -> new RewrapProgress("alice", 3, 0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewrapProgress("alice", 2, 0, -1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String golden() throws IOException {
        try (InputStream in = RewrapProgressTest.class.getResourceAsStream("/golden/rewrap-progress-v1.hex")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
