package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The transcript's item encoding, {@code u8 len(label) || label || u32be len(value) || value}, with a value longer
 * than two bytes of length can count, and a u32 item with all four bytes significant.
 */
class TranscriptEncodingTest {

    private static final HexFormat HEX = HexFormat.of();

    private static int afterStart() {
        return Transcript.start("sum").toBytes().length;
    }

    @Test
    void aValueOfMoreThan65535BytesIsPrefixedWithItsLengthBigEndian() {
        // Given
        byte[] value = new byte[0x01_0203];
        // When
        byte[] bytes = Transcript.start("sum").append("v", value).toBytes();
        // Then: u8(1) || "v" || u32be(0x00010203)
        int at = afterStart();
        assertThat(HEX.formatHex(Arrays.copyOfRange(bytes, at, at + 6))).isEqualTo("0176" + "00010203");
        assertThat(bytes).hasSize(at + 6 + value.length);
    }

    @Test
    void anIntItemIsFourBigEndianBytes() {
        // When
        byte[] bytes = Transcript.start("sum").appendInt("n", 0x7f01_0203).toBytes();
        // Then
        assertThat(HEX.formatHex(Arrays.copyOfRange(bytes, afterStart(), bytes.length)))
                .isEqualTo("01" + HEX.formatHex("n".getBytes(StandardCharsets.US_ASCII)) + "00000004" + "7f010203");
    }
}
