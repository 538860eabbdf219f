package dev.ctx.envelope.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;

class ContextEncodingTest {

    private static final byte[] FINGERPRINT = new byte[32];

    @Test
    void aadIsTheDocumentedV1Layout() {
        // When
        byte[] aad = ContextEncoding.aad(FormatVersion.V1, "t1", null, FINGERPRINT, List.of("a", "bc"));
        // Then
        assertThat(HexFormat.of().formatHex(aad))
                .isEqualTo("6374782d616164" + "01" + "0002" + "7431" + "0020" + "00".repeat(32) + "0002" + "000161"
                        + "00026263");
    }

    @Test
    void infoIsTheDocumentedV1Layout() {
        // When
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V1, "t1", null, "p", 258);
        // Then
        assertThat(HexFormat.of().formatHex(info))
                .isEqualTo("6374782d77726170" + "01" + "0002" + "7431" + "000170" + "00000102");
    }

    @Test
    void lengthPrefixesKeepSplitsApart() {
        assertThat(ContextEncoding.aad(FormatVersion.V1, "t", null, FINGERPRINT, List.of("ab", "c")))
                .isNotEqualTo(ContextEncoding.aad(FormatVersion.V1, "t", null, FINGERPRINT, List.of("a", "bc")));
        assertThat(ContextEncoding.wrapInfo(FormatVersion.V1, "ab", null, "c", 1))
                .isNotEqualTo(ContextEncoding.wrapInfo(FormatVersion.V1, "a", null, "bc", 1));
    }

    @Test
    void rejectsIdsTooLongForTheirLengthPrefix() {
        assertThatThrownBy(() -> ContextEncoding.wrapInfo(FormatVersion.V1, "x".repeat(70_000), null, "p", 1))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("transaction id");
    }

    @Test
    void unknownVersionBytesAreFormatErrors() {
        assertThatThrownBy(() -> FormatVersion.fromByte((byte) 3, "ciphertext part"))
                .hasMessage("ciphertext part: unknown format version byte 3");
    }

    @Test
    void aadIsTheDocumentedV2LayoutWithTheSealIdAfterTheTransactionId() {
        // Given
        SealId sealId = SealId.of(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));
        // When
        byte[] aad = ContextEncoding.aad(FormatVersion.V2, "t1", sealId, FINGERPRINT, List.of("a", "bc"));
        // Then
        assertThat(HexFormat.of().formatHex(aad))
                .isEqualTo("6374782d616164" + "02" + "0002" + "7431"
                        + "0010" + "000102030405060708090a0b0c0d0e0f" + "0020" + "00".repeat(32) + "0002" + "000161"
                        + "00026263");
    }

    @Test
    void infoIsTheDocumentedV2LayoutWithTheSealIdAfterTheTransactionId() {
        // Given
        SealId sealId = SealId.of(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"));
        // When
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V2, "t1", sealId, "p", 258);
        // Then
        assertThat(HexFormat.of().formatHex(info))
                .isEqualTo("6374782d77726170" + "02" + "0002" + "7431" + "0010" + "ffeeddccbbaa99887766554433221100"
                        + "000170" + "00000102");
    }

    @Test
    void aSealIdIsRequiredFromV2AndRefusedInV1() {
        SealId sealId = SealId.of(new byte[SealId.LENGTH]);
        assertThatThrownBy(() -> ContextEncoding.aad(FormatVersion.V2, "t", null, FINGERPRINT, List.of("a")))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("requires a seal id");
        assertThatThrownBy(() -> ContextEncoding.wrapInfo(FormatVersion.V1, "t", sealId, "p", 1))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no seal id");
    }

    @Test
    void anUnpairedSurrogateIsRejectedInsteadOfBeingReplaced() {
        // Given: String.getBytes(UTF_8) would turn both into "?" and make them collide
        String loneHigh = "p\uD800";
        String loneLow = "p\uDC00";
        // When / Then
        assertThatThrownBy(() -> ContextEncoding.wrapInfo(FormatVersion.V2, loneHigh, SealId.of(new byte[16]), "r", 1))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("transaction id")
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> ContextEncoding.aad(FormatVersion.V1, "t", null, FINGERPRINT, List.of(loneLow)))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("participant id");
    }

    @Test
    void aPairedSurrogateIsEncodedAsFourUtf8Bytes() {
        assertThat(ContextEncoding.utf8Checked("\uD83D\uDE00", "id")).containsExactly(0xF0, 0x9F, 0x98, 0x80);
    }
}
