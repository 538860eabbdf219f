package dev.ctx.client.keyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code ctx-x25519-private-key/v1} file: {@code docs/participant-key-file.md}. */
class ParticipantKeyFileTest {

    /** RFC 7748 §6.1, Alice. */
    private static final byte[] SCALAR =
            HexFormat.of().parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");

    private static final String PUBLIC_HEX = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";

    @TempDir
    Path dir;

    @Test
    void goldenFileIsWhatTheEncoderWrites() throws IOException {
        // When
        byte[] encoded =
                KeyFileCodec.encode("miner-1", OptionalInt.of(3), Instant.parse("2026-12-01T09:30:00Z"), SCALAR);

        // Then
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(golden());
    }

    @Test
    void goldenFileReadsAsItsParticipantVersionAndKey() throws IOException {
        // When
        ParticipantKeyFile file = ParticipantKeyFile.parse(golden().getBytes(StandardCharsets.UTF_8), "golden");

        // Then
        assertThat(file.participantId()).isEqualTo("miner-1");
        assertThat(file.keyVersion()).hasValue(3);
        assertThat(HexFormat.of().formatHex(file.publicKey().bytes())).isEqualTo(PUBLIC_HEX);
        assertThat(file.recipientKey().recipientId()).isEqualTo("miner-1");
        assertThat(file.toString()).doesNotContain("dwdtCnMY").contains("<redacted>");
    }

    @Test
    void generatedFileIsOwnerOnlyAndReadsBackUnregistered() throws IOException {
        // Given
        Path path = dir.resolve("miner-1.key");

        // When
        ParticipantKeyFile generated = ParticipantKeyFile.generate(path, "miner-1");

        // Then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
        ParticipantKeyFile read = ParticipantKeyFile.read(path);
        assertThat(read.participantId()).isEqualTo("miner-1");
        assertThat(read.keyVersion()).isEmpty();
        assertThat(read.publicKey()).isEqualTo(generated.publicKey());
    }

    @Test
    void generateNeverOverwritesAnExistingFile() throws IOException {
        // Given
        Path path = Files.writeString(dir.resolve("taken.key"), "precious");

        // When / Then
        assertThatThrownBy(() -> ParticipantKeyFile.generate(path, "miner-1"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(path)).isEqualTo("precious");
    }

    @Test
    void recordingTheKeyVersionKeepsTheKeyAndTheOwnerOnlyPermissions() throws IOException {
        // Given
        Path path = dir.resolve("miner-1.key");
        ParticipantKeyFile generated = ParticipantKeyFile.generate(path, "miner-1");

        // When
        ParticipantKeyFile registered = ParticipantKeyFile.recordKeyVersion(path, 4);

        // Then
        assertThat(registered.keyVersion()).hasValue(4);
        assertThat(registered.publicKey()).isEqualTo(generated.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(path);
        }
    }

    @ParameterizedTest
    @CsvSource({"rw-r-----", "rw----r--", "rwxrwxrwx"})
    void fileOthersMayReadIsRefused(String permissions) throws IOException {
        // Given
        Path path = dir.resolve("open.key");
        Files.writeString(path, golden());
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));

        // When / Then
        assertThatThrownBy(() -> ParticipantKeyFile.read(path))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining(permissions)
                .hasMessageContaining("chmod 600");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"format\" : \"ctx-x25519-private-key/v1\"|\"format\" : \"ctx-x25519-private-key/v9\""
                        + "|unknown key file format",
                "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=|3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08="
                        + "|not the public key",
                "\"keyVersion\" : 3|\"keyVersion\" : 0|positive integer",
                "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=|dwdt|must decode to 32 bytes",
                "\"participantId\" : \"miner-1\"|\"participantId\" : \"miner-1\", \"extra\" : 1|unknown member 'extra'",
                "\"participantId\" : \"miner-1\",|\"participantId\" : \"\",|non-empty string",
            })
    void malformedFileIsRefusedNamingTheFieldNeverTheKey(String original, String replacement, String message)
            throws IOException {
        // Given
        String content = golden().replace(original, replacement);

        // When / Then
        assertThatThrownBy(() -> ParticipantKeyFile.parse(content.getBytes(StandardCharsets.UTF_8), "f.key"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("dwdtCnMY");
    }

    @Test
    void notJsonIsRefusedWithoutQuotingTheContent() {
        // When / Then
        assertThatThrownBy(() -> ParticipantKeyFile.parse("secretbytes{".getBytes(StandardCharsets.UTF_8), "f.key"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is not JSON")
                .hasMessageNotContaining("secretbytes");
    }

    private static String golden() throws IOException {
        try (InputStream in =
                ParticipantKeyFileTest.class.getResourceAsStream("/golden/participant-key-file-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
