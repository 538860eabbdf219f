package dev.ctx.processor.encrypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.encrypted.RecipientType;

/** What the encryption step's values say about themselves in logs: sizes, ids and kinds, never bytes. */
class RedactedDescriptionsTest {

    private static final byte[] WRAP = filled(97, (byte) 0x5a);
    private final ResolvedRecipient recipient = new ResolvedRecipient(
            "miner-1",
            RecipientType.PARTICIPANT,
            3,
            TestKeyrings.forParticipants(List.of("miner-1"))
                    .privateKey("miner-1")
                    .privateKey()
                    .publicKey());

    @Test
    void aWrapNamesItsRecipientAndKeyVersionButNotItsBytes() {
        // When
        String description = new SealedWrap(recipient, WRAP).toString();

        // Then
        assertThat(description)
                .isEqualTo("SealedWrap[recipient=miner-1, keyVersion=3]")
                .doesNotContain(HexFormat.of().formatHex(WRAP, 0, 4));
    }

    @Test
    void aSealResultNamesItsSizesButNotItsCiphertext() {
        // When
        String description = new SealResult(
                        filled(429, (byte) 0x41), new byte[32], new byte[16], List.of(new SealedWrap(recipient, WRAP)))
                .toString();

        // Then
        assertThat(description).isEqualTo("SealResult[ciphertext=429 bytes, wraps=1]");
    }

    @Test
    void aReceiptNamesItsSizesButNotItsCommitment() {
        // When
        String description = new SealedReceipt(filled(33, (byte) 0x02), new byte[98], 2).toString();

        // Then
        assertThat(description).isEqualTo("SealedReceipt[33+98 bytes]");
    }

    @Test
    void anOutcomeNamesItsKindOnly() {
        // When
        SealResult sealed =
                new SealResult(new byte[429], new byte[32], new byte[16], List.of(new SealedWrap(recipient, WRAP)));
        EncryptionOutcome withoutReceipt =
                EncryptionOutcome.sealed(null, Envelopes.firstGeneration("txn-1", sealed, Instant.EPOCH), null);

        // Then
        assertThat(withoutReceipt.toString()).isEqualTo("EncryptionOutcome[sealed]");
        assertThat(withoutReceipt.receipt()).isEmpty();
        assertThat(withoutReceipt.envelope()).hasSize(1);
        assertThat(EncryptionOutcome.clear(null, null).toString()).isEqualTo("EncryptionOutcome[clear]");
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
