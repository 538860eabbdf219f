package dev.ctx.keyservice.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CustodyAadTest {

    @Test
    void aadLayoutIsPinnedBecauseEverySealedKeyDependsOnIt() {
        // When
        byte[] aad = CustodyAad.of("alice", 3);
        // Then: "ctx.key-custody.v1" | u16 5 | "alice" | u32 3
        assertThat(HexFormat.of().formatHex(aad))
                .isEqualTo(HexFormat.of().formatHex("ctx.key-custody.v1".getBytes(StandardCharsets.US_ASCII)) + "0005"
                        + "616c696365" + "00000003");
    }

    @Test
    void idAndVersionCannotBeShiftedIntoEachOther() {
        assertThat(CustodyAad.of("a1", 2)).isNotEqualTo(CustodyAad.of("a", 12));
    }
}
