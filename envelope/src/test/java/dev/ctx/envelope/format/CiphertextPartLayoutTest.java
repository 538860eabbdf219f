package dev.ctx.envelope.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * The ciphertext part's bounds (docs/envelope-format.md): the shortest valid part is an empty plaintext, i.e. its
 * 16-byte tag alone; a seal id is required from v2 and refused in v1; the description names no ciphertext bytes.
 */
class CiphertextPartLayoutTest {

    private static final SealId SEAL_ID = SealId.of(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));

    @Test
    void aTagAloneIsTheShortestCiphertext() {
        // When
        CiphertextPart part = CiphertextPart.of(FormatVersion.V2, SEAL_ID, new byte[12], new byte[16]);
        byte[] bytes = part.toBytes();
        // Then: 0x02 || sealId || nonce || tag
        assertThat(bytes).hasSize(1 + 16 + 12 + 16);
        assertThat(CiphertextPart.parse(bytes).ciphertext()).hasSize(16);
        assertThatThrownBy(() -> CiphertextPart.of(FormatVersion.V2, SEAL_ID, new byte[12], new byte[15]))
                .isExactlyInstanceOf(InvalidInputException.class);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> CiphertextPart.parse(truncated))
                .isExactlyInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aSealIdIsRequiredFromV2AndRefusedInV1() {
        assertThatThrownBy(() -> CiphertextPart.of(FormatVersion.V2, null, new byte[12], new byte[16]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("v2 requires a seal id");
        assertThatThrownBy(() -> CiphertextPart.of(FormatVersion.V1, SEAL_ID, new byte[12], new byte[16]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("v1 has no seal id");
    }

    @Test
    void theDescriptionNamesVersionSealIdAndLengthOnly() {
        assertThat(CiphertextPart.of(FormatVersion.V2, SEAL_ID, new byte[12], new byte[20]))
                .hasToString("CiphertextPart[v2, sealId=" + SEAL_ID + ", 20 bytes]");
        assertThat(CiphertextPart.of(FormatVersion.V1, null, new byte[12], new byte[16]))
                .hasToString("CiphertextPart[v1, 16 bytes]");
    }
}
