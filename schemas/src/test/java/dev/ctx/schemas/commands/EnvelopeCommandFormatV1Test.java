package dev.ctx.schemas.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the command layout with golden files (docs/revocation-and-shredding.md, "Command layout"). Regenerate only for
 * a deliberate, documented layout change, with {@code -Dctx.golden.update=true}.
 */
class EnvelopeCommandFormatV1Test {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final UUID ID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    static Stream<Arguments> goldenCommands() {
        return Stream.of(
                Arguments.of(
                        "envelope-command-v1-revoke.hex",
                        new EnvelopeCommand(
                                ID,
                                EnvelopeCommandKind.REVOKE_ACCESS,
                                "txn-1",
                                "miner-1",
                                "ops-1",
                                "contract ended",
                                AT)),
                Arguments.of(
                        "envelope-command-v1-shred.hex",
                        new EnvelopeCommand(ID, EnvelopeCommandKind.SHRED, "txn-1", "", "ops-1", "gdpr erasure", AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCommands")
    void encodedBytesEqualTheGoldenFile(String file, EnvelopeCommand command) throws IOException {
        // Given / When
        byte[] bytes = EnvelopeCommandFormatV1.encode(command);
        // Then
        if (Boolean.getBoolean("ctx.golden.update")) {
            Files.writeString(GOLDEN.resolve(file), HexFormat.of().formatHex(bytes) + "\n");
        }
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCommands")
    void goldenFileDecodesToTheCommand(String file, EnvelopeCommand command) throws IOException {
        // Given
        byte[] golden = HexFormat.of().parseHex(golden(file));
        // When
        EnvelopeCommand decoded = EnvelopeCommandFormatV1.decode(golden);
        // Then
        assertThat(golden[0]).isEqualTo((byte) 0x01);
        assertThat(golden[1]).isEqualTo((byte) command.kind().code());
        assertThat(decoded).isEqualTo(command);
    }

    @Test
    void decodeRefusesTrailingBytes() {
        // Given
        byte[] encoded = EnvelopeCommandFormatV1.encode(EnvelopeCommand.shred("t1", "ops", "why", AT));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        // When / Then
        assertThatThrownBy(() -> EnvelopeCommandFormatV1.decode(longer))
                .isInstanceOf(EnvelopeCommandFormatException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void decodeRefusesATruncatedValue() {
        // Given
        byte[] encoded = EnvelopeCommandFormatV1.encode(EnvelopeCommand.shred("t1", "ops", "why", AT));
        byte[] shorter = Arrays.copyOf(encoded, encoded.length - 1);
        // When / Then
        assertThatThrownBy(() -> EnvelopeCommandFormatV1.decode(shorter))
                .isInstanceOf(EnvelopeCommandFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void decodeRefusesAnotherVersionAndAnUnknownKind() {
        // Given
        byte[] encoded = EnvelopeCommandFormatV1.encode(EnvelopeCommand.shred("t1", "ops", "why", AT));
        byte[] version2 = encoded.clone();
        version2[0] = 0x02;
        byte[] kind9 = encoded.clone();
        kind9[1] = 0x09;
        // When / Then
        assertThatThrownBy(() -> EnvelopeCommandFormatV1.decode(version2))
                .isInstanceOf(EnvelopeCommandFormatException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> EnvelopeCommandFormatV1.decode(kind9))
                .isInstanceOf(EnvelopeCommandFormatException.class)
                .hasMessageContaining("kind");
    }

    @Test
    void aShredThatNamesAParticipantIsRefused() {
        // When / Then
        assertThatThrownBy(() -> new EnvelopeCommand(ID, EnvelopeCommandKind.SHRED, "t1", "miner-1", "ops", "why", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String golden(String file) throws IOException {
        return Files.readString(GOLDEN.resolve(file)).strip();
    }
}
