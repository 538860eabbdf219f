package dev.ctx.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The documented value layout of the deduplication store (docs/dedup-store.md). */
class FirstSeenSerdeTest {

    private final Serde<FirstSeen> serde = FirstSeenSerde.create();

    @Test
    void aSealedEntryIsVersionDigestLengthAndSealId() {
        // Given
        byte[] digest = HexFormat.of().parseHex("00".repeat(31) + "ff");
        byte[] sealId = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        // When
        byte[] bytes = serde.serializer().serialize("t", new FirstSeen(digest, sealId));
        // Then
        assertThat(HexFormat.of().formatHex(bytes))
                .isEqualTo("01" + "00".repeat(31) + "ff" + "10" + "000102030405060708090a0b0c0d0e0f");
        FirstSeen read = serde.deserializer().deserialize("t", bytes);
        assertThat(read.digest()).isEqualTo(digest);
        assertThat(read.sealId()).isEqualTo(sealId);
    }

    @Test
    void aClearEntryHasAnEmptySealId() {
        byte[] bytes = serde.serializer().serialize("t", new FirstSeen(new byte[32], new byte[0]));
        assertThat(bytes).hasSize(34).endsWith(0x00);
        assertThat(serde.deserializer().deserialize("t", bytes).sealId()).isEmpty();
    }

    @Test
    void anUnknownVersionOrLengthIsRefused() {
        byte[] bytes = serde.serializer().serialize("t", new FirstSeen(new byte[32], new byte[0]));
        bytes[0] = 2;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isExactlyInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[33]))
                .isExactlyInstanceOf(SerializationException.class);
    }

    @Test
    void toStringNeverShowsTheDigest() {
        byte[] digest = HexFormat.of().parseHex("ab".repeat(32));
        assertThat(new FirstSeen(digest, new byte[0]).toString()).doesNotContain("abab");
    }
}
