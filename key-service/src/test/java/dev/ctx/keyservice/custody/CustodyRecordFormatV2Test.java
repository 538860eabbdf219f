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

/** Custody record layout v2 (participant-held versions), pinned by golden/custody-record-v2.hex. */
class CustodyRecordFormatV2Test {

    /** One sealed key (v1) and two participant-held versions (2, 3), from fixed bytes. */
    static CustodyRecord goldenRecord() {
        byte[] iv = new byte[12];
        Arrays.fill(iv, (byte) 0x11);
        byte[] ct = new byte[48];
        Arrays.fill(ct, (byte) 0xA1);
        return new CustodyRecord(
                "alice", List.of(new SealedPrivateKey(1, "pkcs12:master", KekCiphertext.of(iv, ct))), List.of(3, 2));
    }

    static byte[] golden() throws IOException {
        try (InputStream in = CustodyRecordFormatV2Test.class.getResourceAsStream("/golden/custody-record-v2.hex")) {
            return HexFormat.of()
                    .parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s|#.*", ""));
        }
    }

    @Test
    void serializedFormMatchesTheGoldenFile() throws IOException {
        // When
        byte[] bytes = CustodyRecordFormatV2.serialize(goldenRecord());
        // Then
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(golden()));
    }

    @Test
    void goldenFileDeserializesToTheRecord() throws IOException {
        // When
        CustodyRecord record = CustodyRecordFormatV2.deserialize(golden());
        // Then
        assertThat(record).isEqualTo(goldenRecord());
        assertThat(record.participantHeldVersions()).containsExactly(2, 3);
        assertThat(record.isParticipantHeld(2)).isTrue();
        assertThat(record.isParticipantHeld(1)).isFalse();
    }

    @Test
    void aRecordWithoutParticipantHeldVersionsIsStillWrittenAsV1() throws IOException {
        // When
        byte[] bytes = CustodyRecordFormatV2.serialize(CustodyRecordFormatV1Test.goldenRecord());
        // Then
        assertThat(bytes).isEqualTo(CustodyRecordFormatV1Test.golden());
        assertThat(CustodyRecordFormatV2.deserialize(bytes)).isEqualTo(CustodyRecordFormatV1Test.goldenRecord());
    }

    @Test
    void v1RefusesToDropParticipantHeldVersions() {
        assertThatThrownBy(() -> CustodyRecordFormatV1.serialize(goldenRecord()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionCannotBeBothSealedAndParticipantHeld() {
        assertThatThrownBy(() -> goldenRecord().withParticipantHeld(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deserializeRejectsAnUnknownFormatVersion() throws IOException {
        // Given
        byte[] bytes = golden();
        bytes[0] = 0x03;
        // When / Then
        assertThatThrownBy(() -> CustodyRecordFormatV2.deserialize(bytes))
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("version");
    }

    @Test
    void deserializeRejectsTrailingBytes() throws IOException {
        // Given
        byte[] bytes = Arrays.copyOf(golden(), golden().length + 1);
        // When / Then
        assertThatThrownBy(() -> CustodyRecordFormatV2.deserialize(bytes)).isInstanceOf(CustodyException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 10, 80, 86, 90})
    void deserializeRejectsTruncatedRecords(int length) throws IOException {
        // Given
        byte[] bytes = Arrays.copyOf(golden(), length);
        // When / Then
        assertThatThrownBy(() -> CustodyRecordFormatV2.deserialize(bytes)).isInstanceOf(CustodyException.class);
    }
}
