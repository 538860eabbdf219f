package dev.ctx.keyservice.byok;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The proof-of-possession info and aad are the bytes of docs/participant-held-keys.md's worked example. */
class PossessionProtocolTest {

    private static final String CHALLENGE_ID = "1b4e28ba-2fa1-4d2b-9c3e-8f0a6d5e7c10";
    private static final String FIELDS = "0007" + "6d696e65722d31" + "00000002" + "0024"
            + "31623465323862612d326661312d346432622d396333652d386630613664356537633130";

    @Test
    void infoIsTheLabelThenParticipantVersionAndChallengeId() {
        // When
        byte[] info = PossessionProtocol.info("miner-1", 2, CHALLENGE_ID);
        // Then
        assertThat(info).hasSize(73);
        assertThat(HexFormat.of().formatHex(info)).isEqualTo("6374782e62796f6b2e706f7373657373696f6e2e7631" + FIELDS);
    }

    @Test
    void aadHasItsOwnLabelAndTheSameFields() {
        // When
        byte[] aad = PossessionProtocol.aad("miner-1", 2, CHALLENGE_ID);
        // Then
        assertThat(aad).hasSize(77);
        assertThat(HexFormat.of().formatHex(aad))
                .isEqualTo("6374782e62796f6b2e706f7373657373696f6e2e6161642e7631" + FIELDS);
    }

    @Test
    void noChallengeInfoCanBeADekWrapInfo() {
        assertThat(new String(PossessionProtocol.info("miner-1", 1, CHALLENGE_ID), 0, 9, StandardCharsets.US_ASCII))
                .doesNotStartWith("ctx-wrap")
                .doesNotStartWith("ctx-epoch");
    }
}
