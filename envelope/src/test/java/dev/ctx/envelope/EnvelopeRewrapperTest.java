package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.error.RecipientMismatchException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

class EnvelopeRewrapperTest {

    private static final TransactionContext CONTEXT =
            TransactionContext.of("tx-9", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
    private static final Party MINER_V1 = Party.generate("miner-789", 1);
    private static final Party MINER_V2 = Party.generate("miner-789", 2);
    private static final SealedTransaction SEALED =
            EnvelopeSealer.create().seal(Fixtures.confidentialFields(), CONTEXT, List.of(MINER_V1.recipient()));

    private final EnvelopeRewrapper rewrapper = EnvelopeRewrapper.create();
    private final EnvelopeOpener opener = EnvelopeOpener.create();

    @Test
    void rewrappedWrapOpensWithTheNewKeyVersion() {
        // When
        DekWrap rewrapped =
                rewrapper.rewrap(SEALED.wrapFor("miner-789"), MINER_V1.privateKey(), MINER_V2.recipient(), CONTEXT);
        // Then
        assertThat(rewrapped.keyVersion()).isEqualTo(2);
        assertThat(opener.open(SEALED.ciphertext(), rewrapped, MINER_V2.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isEqualTo(Fixtures.confidentialFields());
    }

    @Test
    void theOldKeyCannotOpenTheRewrappedWrap() {
        // Given
        DekWrap rewrapped =
                rewrapper.rewrap(SEALED.wrapFor("miner-789"), MINER_V1.privateKey(), MINER_V2.recipient(), CONTEXT);
        // When / Then
        assertThatThrownBy(() -> opener.openSerialized(SEALED.ciphertext(), rewrapped, MINER_V1.privateKey(), CONTEXT))
                .isExactlyInstanceOf(RecipientMismatchException.class);
        assertThatThrownBy(() -> opener.openSerialized(
                        SEALED.ciphertext(), rewrapped, MINER_V1.privateKeyLabelledAs("miner-789", 2), CONTEXT))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void rewrapRejectsAWrongOldKey() {
        assertThatThrownBy(() -> rewrapper.rewrap(
                        SEALED.wrapFor("miner-789"),
                        MINER_V2.privateKeyLabelledAs("miner-789", 1),
                        MINER_V2.recipient(),
                        CONTEXT))
                .isExactlyInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("tx-9");
    }

    @Test
    void rewrapRejectsANewRecipientOutsideTheTransaction() {
        assertThatThrownBy(() -> rewrapper.rewrap(
                        SEALED.wrapFor("miner-789"),
                        MINER_V1.privateKey(),
                        Party.generate("outsider", 1).recipient(),
                        CONTEXT))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outsider");
    }

    @Test
    void rewrapToTheEscrowIsAllowed() {
        // Given
        Party escrow = Party.generate(Recipient.ESCROW_ID, 5);
        // When
        DekWrap rewrapped =
                rewrapper.rewrap(SEALED.wrapFor("miner-789"), MINER_V1.privateKey(), escrow.recipient(), CONTEXT);
        // Then
        assertThat(opener.open(SEALED.ciphertext(), rewrapped, escrow.privateKey(), CONTEXT, Fixtures.SCHEMA))
                .isEqualTo(Fixtures.confidentialFields());
    }
}
