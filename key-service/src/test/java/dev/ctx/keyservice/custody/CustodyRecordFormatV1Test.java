package dev.ctx.keyservice.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.keyservice.kek.KekCiphertext;

class CustodyRecordFormatV1Test {

    /** A record with two keys built from fixed bytes; its serialized form is pinned in golden/custody-record-v1.hex. */
    static CustodyRecord goldenRecord() {
        byte[] iv1 = new byte[12];
        Arrays.fill(iv1, (byte) 0x11);
        byte[] ct1 = new byte[48];
        Arrays.fill(ct1, (byte) 0xA1);
        byte[] iv2 = new byte[12];
        Arrays.fill(iv2, (byte) 0x22);
        byte[] ct2 = new byte[48];
        Arrays.fill(ct2, (byte) 0xB2);
        return new CustodyRecord(
                "alice",
                List.of(
                        new SealedPrivateKey(2, "pkcs11:master", KekCiphertext.of(iv2, ct2)),
                        new SealedPrivateKey(1, "pkcs12:master", KekCiphertext.of(iv1, ct1))));
    }

    static byte[] golden() throws IOException {
        try (InputStream in = CustodyRecordFormatV1Test.class.getResourceAsStream("/golden/custody-record-v1.hex")) {
            return HexFormat.of()
                    .parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s|#.*", ""));
        }
    }

    @Test
    void serializedFormMatchesTheGoldenFile() throws IOException {
        // When
        byte[] bytes = CustodyRecordFormatV1.serialize(goldenRecord());
        // Then
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(golden()));
    }

    @Test
    void goldenFileDeserializesToTheRecord() throws IOException {
        // When
        CustodyRecord record = CustodyRecordFormatV1.deserialize(golden());
        // Then
        assertThat(record).isEqualTo(goldenRecord());
        assertThat(record.keys()).extracting(SealedPrivateKey::keyVersion).containsExactly(1, 2);
    }

    @Test
    void deserializeRejectsAnUnknownFormatVersion() throws IOException {
        // Given
        byte[] bytes = golden();
        bytes[0] = 0x02;
        // When / Then
        assertThatThrownBy(() -> CustodyRecordFormatV1.deserialize(bytes))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("version");
    }

    @Test
    void deserializeRejectsTrailingBytes() throws IOException {
        // Given
        byte[] bytes = Arrays.copyOf(golden(), golden().length + 1);
        // When / Then
        assertThatThrownBy(() -> CustodyRecordFormatV1.deserialize(bytes)).isInstanceOf(CustodyException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 10, 30, 150})
    void deserializeRejectsTruncatedRecords(int length) throws IOException {
        // Given
        byte[] bytes = Arrays.copyOf(golden(), length);
        // When / Then
        assertThatThrownBy(() -> CustodyRecordFormatV1.deserialize(bytes)).isInstanceOf(CustodyException.class);
    }
}
