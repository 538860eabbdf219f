package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The store key layouts documented in docs/rewrap-topology.md, "State". */
class RewrapStoresTest {

    @Test
    void theIndexKeyIsParticipantVersionInEightHexDigitsAndTransactionSeparatedByZeroBytes() {
        // When
        String key = RewrapStores.indexKey("alice", 3, "t1");

        // Then
        assertThat(HexFormat.ofDelimiter(" ").formatHex(key.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("61 6c 69 63 65 00 30 30 30 30 30 30 30 33 00 74 31");
        assertThat(RewrapStores.versionOf(key)).isEqualTo(3);
        assertThat(RewrapStores.transactionOfIndexKey(key)).isEqualTo("t1");
    }

    @Test
    void thePendingKeyIsParticipantAndTransactionSeparatedByAZeroByte() {
        // When
        String key = RewrapStores.pendingKey("alice", "t|1");

        // Then
        assertThat(HexFormat.ofDelimiter(" ").formatHex(key.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("61 6c 69 63 65 00 74 7c 31");
        assertThat(RewrapStores.participantOf(key)).isEqualTo("alice");
        assertThat(RewrapStores.transactionOfPendingKey(key)).isEqualTo("t|1");
    }

    @Test
    void aParticipantsPrefixDoesNotMatchALongerIdStartingWithIt() {
        assertThat(RewrapStores.indexKey("alice2", 1, "t1")).doesNotStartWith(RewrapStores.indexPrefix("alice"));
    }
}
