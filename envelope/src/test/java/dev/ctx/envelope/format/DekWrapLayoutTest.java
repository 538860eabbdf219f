package dev.ctx.envelope.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The byte layout of DEK wraps (docs/envelope-format.md): the epoch layout's u64 sequence number is big-endian with
 * every byte significant, components of the wrong length or a missing or superfluous seal id are refused when a wrap
 * is built, and the description names the epoch and sequence but no key bytes.
 */
class DekWrapLayoutTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SealId SEAL_ID = SealId.of(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
    private static final EpochId EPOCH_ID = EpochId.of(HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
    private static final long SEQUENCE = 0x0102_0304_0506_0708L;
    /** 0x03 || sealId (16) || epochId (16) || enc (32): the sequence number starts here. */
    private static final int SEQUENCE_AT = 1 + SealId.LENGTH + EpochId.LENGTH + DekWrap.ENC_LENGTH;

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static DekWrap epochWrap(long sequence) {
        return DekWrap.ofEpoch(
                "alice",
                7,
                SEAL_ID,
                EPOCH_ID,
                filled(DekWrap.ENC_LENGTH, 0xee),
                sequence,
                filled(DekWrap.SEALED_DEK_LENGTH, 0x5d));
    }

    @Test
    void anEpochWrapWritesItsSequenceNumberAsEightBigEndianBytes() {
        // When
        byte[] bytes = epochWrap(SEQUENCE).toBytes();
        // Then
        assertThat(bytes).hasSize(DekWrap.EPOCH_LENGTH);
        assertThat(HEX.formatHex(Arrays.copyOfRange(bytes, SEQUENCE_AT, SEQUENCE_AT + Long.BYTES)))
                .isEqualTo("0102030405060708");
        assertThat(Arrays.copyOfRange(bytes, SEQUENCE_AT + Long.BYTES, bytes.length))
                .isEqualTo(filled(DekWrap.SEALED_DEK_LENGTH, 0x5d));
    }

    @Test
    void anEpochWrapParsesItsSequenceNumberFromEightBigEndianBytes() {
        // Given: the epoch layout written byte by byte
        byte[] bytes = new byte[DekWrap.EPOCH_LENGTH];
        bytes[0] = DekWrap.EPOCH_LAYOUT;
        System.arraycopy(SEAL_ID.bytes(), 0, bytes, 1, SealId.LENGTH);
        System.arraycopy(EPOCH_ID.bytes(), 0, bytes, 1 + SealId.LENGTH, EpochId.LENGTH);
        System.arraycopy(HEX.parseHex("0102030405060708"), 0, bytes, SEQUENCE_AT, Long.BYTES);
        // When
        DekWrap wrap = DekWrap.parse("alice", 7, bytes);
        // Then
        assertThat(wrap.sequence()).isEqualTo(SEQUENCE);
        assertThat(wrap.epochId()).contains(EPOCH_ID);
        assertThat(wrap.sealId()).contains(SEAL_ID);
        assertThat(wrap.toBytes()).isEqualTo(bytes);
    }

    @Test
    void anEpochWrapRefusesAnEncOrSealedDekOfTheWrongLength() {
        assertThatThrownBy(() -> DekWrap.ofEpoch(
                        "alice", 7, SEAL_ID, EPOCH_ID, new byte[31], 0, new byte[DekWrap.SEALED_DEK_LENGTH]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("enc must be 32 bytes");
        assertThatThrownBy(() ->
                        DekWrap.ofEpoch("alice", 7, SEAL_ID, EPOCH_ID, new byte[DekWrap.ENC_LENGTH], 0, new byte[49]))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sealed DEK 48 bytes");
    }

    @Test
    void aWrapRefusesAMissingOrSuperfluousSealId() {
        byte[] enc = new byte[DekWrap.ENC_LENGTH];
        byte[] sealed = new byte[DekWrap.SEALED_DEK_LENGTH];
        assertThatThrownBy(() -> DekWrap.of("alice", 7, FormatVersion.V2, null, enc, sealed))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("v2 requires a seal id");
        assertThatThrownBy(() -> DekWrap.of("alice", 7, FormatVersion.V1, SEAL_ID, enc, sealed))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("v1 has no seal id");
        assertThat(DekWrap.of("alice", 7, FormatVersion.V1, null, enc, sealed).toBytes())
                .hasSize(DekWrap.V1_LENGTH);
    }

    @Test
    void theDescriptionNamesRecipientSealEpochAndSequenceButNoKeyBytes() {
        // Given
        DekWrap v1 = DekWrap.of(
                "bob",
                2,
                FormatVersion.V1,
                null,
                filled(DekWrap.ENC_LENGTH, 0xee),
                filled(DekWrap.SEALED_DEK_LENGTH, 0x5d));
        // When
        String epoch = epochWrap(SEQUENCE).toString();
        String perTransaction = v1.toString();
        // Then
        assertThat(epoch)
                .isEqualTo("DekWrap[recipient=alice, keyVersion=7, v2, sealId=" + SEAL_ID + ", epoch=" + EPOCH_ID
                        + ", seq=" + SEQUENCE + "]");
        assertThat(perTransaction).isEqualTo("DekWrap[recipient=bob, keyVersion=2, v1]");
        assertThat(epoch + perTransaction).doesNotContain("eeee").doesNotContain("5d5d");
    }
}
