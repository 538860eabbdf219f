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
        byte[] aad = ContextEncoding.aad(FormatVersion.V1, "t1", FINGERPRINT, List.of("a", "bc"));
        // Then
        assertThat(HexFormat.of().formatHex(aad)).isEqualTo("6374782d616164" + "01" + "0002" + "7431" + "0020"
                + "00".repeat(32) + "0002" + "000161" + "00026263");
    }

    @Test
    void infoIsTheDocumentedV1Layout() {
        // When
        byte[] info = ContextEncoding.wrapInfo(FormatVersion.V1, "t1", "p", 258);
        // Then
        assertThat(HexFormat.of().formatHex(info)).isEqualTo("6374782d77726170" + "01" + "0002" + "7431" + "000170"
                + "00000102");
    }

    @Test
    void lengthPrefixesKeepSplitsApart() {
        assertThat(ContextEncoding.aad(FormatVersion.V1, "t", FINGERPRINT, List.of("ab", "c")))
                .isNotEqualTo(ContextEncoding.aad(FormatVersion.V1, "t", FINGERPRINT, List.of("a", "bc")));
        assertThat(ContextEncoding.wrapInfo(FormatVersion.V1, "ab", "c", 1))
                .isNotEqualTo(ContextEncoding.wrapInfo(FormatVersion.V1, "a", "bc", 1));
    }

    @Test
    void rejectsIdsTooLongForTheirLengthPrefix() {
        assertThatThrownBy(() -> ContextEncoding.wrapInfo(FormatVersion.V1, "x".repeat(70_000), "p", 1))
                .isExactlyInstanceOf(InvalidInputException.class).hasMessageContaining("transaction id");
    }

    @Test
    void unknownVersionBytesAreFormatErrors() {
        assertThatThrownBy(() -> FormatVersion.fromByte((byte) 2, "ciphertext part"))
                .hasMessage("ciphertext part: unknown format version byte 2");
    }
}
