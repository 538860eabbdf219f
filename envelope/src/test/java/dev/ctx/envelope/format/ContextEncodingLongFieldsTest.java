package dev.ctx.envelope.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The length prefixes and key versions of the AAD and info encodings with values that need every byte: fields longer
 * than 255 bytes (both bytes of a u16 prefix) and key versions with all four bytes set. Kills the shift mutants of the
 * prefix writers, which tests with short ids survived.
 */
class ContextEncodingLongFieldsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] FINGERPRINT = new byte[32];
    private static final SealId SEAL_ID = SealId.of(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));

    @Test
    void aTransactionIdOf300BytesIsPrefixedWithBothBytesOfItsLength() {
        // Given
        String txnId = "t".repeat(300);
        // When
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V2, txnId, SEAL_ID, "p", 1);
        // Then: "ctx-wrap" (8) || 0x02 || u16(300) = 01 2c
        assertThat(HEX.formatHex(Arrays.copyOfRange(info, 9, 11))).isEqualTo("012c");
        assertThat(info).hasSize(8 + 1 + 2 + 300 + 2 + 16 + 2 + 1 + 4);
    }

    @Test
    void aKeyVersionWithFourSignificantBytesIsWrittenBigEndian() {
        // When
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V1, "t", null, "p", 0x7f01_0203);
        byte[] epochInfo = ContextEncoding.epochInfo(EpochId.of(new byte[EpochId.LENGTH]), "p", 0x7f01_0203);
        byte[] epochAad = ContextEncoding.epochWrapAad("p", 0x7f01_0203, new byte[] {9});
        // Then
        assertThat(HEX.formatHex(info)).endsWith("7f010203");
        assertThat(HEX.formatHex(epochInfo)).endsWith("7f010203");
        assertThat(HEX.formatHex(epochAad)).endsWith("000170" + "7f010203" + "0001" + "09");
    }

    @Test
    void threeHundredParticipantsArePrefixedWithBothBytesOfTheirCount() {
        // Given
        List<String> participants =
                IntStream.range(0, 300).mapToObj(i -> String.format("p%03d", i)).toList();
        // When
        byte[] aad = ContextEncoding.aad(FormatVersion.V1, "t", null, FINGERPRINT, participants);
        // Then: "ctx-aad" (7) || 0x01 || str("t") (3) || u16(32) || 32 bytes || u16(300)
        int countAt = 7 + 1 + 3 + 2 + 32;
        assertThat(HEX.formatHex(Arrays.copyOfRange(aad, countAt, countAt + 2))).isEqualTo("012c");
        assertThat(HEX.formatHex(Arrays.copyOfRange(aad, countAt + 2, countAt + 4)))
                .isEqualTo("0004");
    }

    @Test
    void anEpochWrapAadOver255BytesIsPrefixedWithBothBytesOfItsLength() {
        // Given
        byte[] sealAad = new byte[0x0123];
        // When
        byte[] aad = ContextEncoding.epochWrapAad("p", 1, sealAad);
        // Then: "ctx-epoch-aad" (13) || 0x03 || str("p") (3) || u32 (4) || u16(0x0123)
        int lengthAt = 13 + 1 + 3 + 4;
        assertThat(HEX.formatHex(Arrays.copyOfRange(aad, lengthAt, lengthAt + 2)))
                .isEqualTo("0123");
        assertThat(aad).hasSize(lengthAt + 2 + 0x0123);
    }

    @Test
    void anIdOfExactly65535BytesFitsAndOneMoreIsRefused() {
        assertThat(ContextEncoding.utf8Checked("x".repeat(0xFFFF), "id")).hasSize(0xFFFF);
        assertThatThrownBy(() -> ContextEncoding.utf8Checked("x".repeat(0x10000), "id"))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("65536");
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V1, "x".repeat(0xFFFF), null, "p", 1);
        assertThat(HEX.formatHex(Arrays.copyOfRange(info, 9, 11))).isEqualTo("ffff");
    }

    @Test
    void aRecipientIdOf300BytesIsPrefixedWithBothBytesOfItsLengthInEveryEncoding() {
        // Given
        String recipientId = "r".repeat(300);
        // When
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V1, "t", null, recipientId, 1);
        byte[] epochInfo = ContextEncoding.epochInfo(EpochId.of(new byte[EpochId.LENGTH]), recipientId, 1);
        byte[] epochAad = ContextEncoding.epochWrapAad(recipientId, 1, new byte[] {9});
        // Then: "ctx-wrap" (8) || 0x01 || str("t") (3) || u16(300)
        assertThat(HEX.formatHex(Arrays.copyOfRange(info, 12, 14))).isEqualTo("012c");
        assertThat(info).hasSize(12 + 2 + 300 + 4);
        // "ctx-epoch" (9) || 0x03 || u16(16) || epoch id (16) || u16(300)
        assertThat(HEX.formatHex(Arrays.copyOfRange(epochInfo, 28, 30))).isEqualTo("012c");
        assertThat(epochInfo).hasSize(28 + 2 + 300 + 4);
        // "ctx-epoch-aad" (13) || 0x03 || u16(300)
        assertThat(HEX.formatHex(Arrays.copyOfRange(epochAad, 14, 16))).isEqualTo("012c");
        assertThat(epochAad).hasSize(14 + 2 + 300 + 4 + 2 + 1);
    }

    @Test
    void emptyFieldsAreWrittenWithAZeroLengthPrefix() {
        // When
        byte[] aad = ContextEncoding.aad(FormatVersion.V1, "", null, new byte[0], List.of());
        byte[] epochAad = ContextEncoding.epochWrapAad("p", 1, new byte[0]);
        // Then: "ctx-aad" || 0x01 || u16(0) || u16(0) || u16(0)
        assertThat(HEX.formatHex(aad))
                .isEqualTo(
                        HEX.formatHex("ctx-aad".getBytes(StandardCharsets.US_ASCII)) + "01" + "0000" + "0000" + "0000");
        assertThat(HEX.formatHex(epochAad)).endsWith("00000001" + "0000");
    }
}
