package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.error.RecipientMismatchException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/**
 * A rewrap batch ({@link EnvelopeRewrapper#epochBatch()}): the new wraps of one batch are epoch wraps of one fresh
 * epoch, each at its own sequence number, and open with the new key only; a v1 wrap stays per transaction.
 */
class EpochBatchRewrapTest {

    private static final Party MINER_V1 = Party.generate("miner-789", 1);
    private static final Party MINER_V2 = Party.generate("miner-789", 2);

    private final EnvelopeRewrapper rewrapper = EnvelopeRewrapper.create();
    private final EnvelopeOpener opener = EnvelopeOpener.create();

    @Test
    void aBatchRewrapsIntoOneEpochWithDistinctSequencesThatOpenWithTheNewKeyOnly() {
        // Given: three transactions sealed per transaction for v1 (a rotation's input)
        List<TransactionContext> contexts = new ArrayList<>();
        List<SealedTransaction> sealed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TransactionContext context = TransactionContext.of("tx-" + i, Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
            contexts.add(context);
            sealed.add(EnvelopeSealer.create()
                    .seal(Fixtures.confidentialFields(), context, List.of(MINER_V1.recipient())));
        }
        // When
        List<DekWrap> moved = new ArrayList<>();
        try (EnvelopeRewrapper.EpochBatch batch = rewrapper.epochBatch()) {
            for (int i = 0; i < 3; i++) {
                moved.add(batch.rewrap(
                        sealed.get(i).wrapFor("miner-789"),
                        MINER_V1.privateKey(),
                        MINER_V2.recipient(),
                        contexts.get(i)));
            }
        }
        // Then
        assertThat(moved).allSatisfy(wrap -> {
            assertThat(wrap.isEpoch()).isTrue();
            assertThat(wrap.keyVersion()).isEqualTo(2);
            assertThat(wrap.version()).isEqualTo(FormatVersion.V2);
        });
        assertThat(moved).extracting(DekWrap::sequence).containsExactly(0L, 1L, 2L);
        assertThat(moved)
                .extracting(wrap -> wrap.epochId().orElseThrow())
                .containsOnly(moved.get(0).epochId().orElseThrow());
        for (int i = 0; i < 3; i++) {
            DekWrap wrap = moved.get(i);
            assertThat(wrap.sealId())
                    .isEqualTo(sealed.get(i).wrapFor("miner-789").sealId());
            assertThat(opener.open(
                            sealed.get(i).ciphertext(), wrap, MINER_V2.privateKey(), contexts.get(i), Fixtures.SCHEMA))
                    .isEqualTo(Fixtures.confidentialFields());
            TransactionContext context = contexts.get(i);
            SealedTransaction transaction = sealed.get(i);
            assertThatThrownBy(() -> opener.openSerialized(
                            transaction.ciphertext(), wrap, MINER_V1.privateKeyLabelledAs("miner-789", 2), context))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(
                            () -> opener.openSerialized(transaction.ciphertext(), wrap, MINER_V1.privateKey(), context))
                    .isExactlyInstanceOf(RecipientMismatchException.class);
        }
    }

    @Test
    void everyBatchStartsANewEpochSoNoEncAndSequencePairRepeats() {
        // Given
        TransactionContext context = TransactionContext.of("tx-1", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
        SealedTransaction sealed =
                EnvelopeSealer.create().seal(Fixtures.confidentialFields(), context, List.of(MINER_V1.recipient()));
        Set<String> pairs = new HashSet<>();
        Set<String> epochs = new HashSet<>();
        // When: five batches of one rewrap each
        for (int b = 0; b < 5; b++) {
            try (EnvelopeRewrapper.EpochBatch batch = rewrapper.epochBatch()) {
                DekWrap wrap =
                        batch.rewrap(sealed.wrapFor("miner-789"), MINER_V1.privateKey(), MINER_V2.recipient(), context);
                pairs.add(HexFormat.of().formatHex(wrap.enc()) + ":" + wrap.sequence());
                epochs.add(wrap.epochId().orElseThrow().toString());
            }
        }
        // Then
        assertThat(pairs).hasSize(5);
        assertThat(epochs).hasSize(5);
    }

    @Test
    void aV1WrapIsRewrappedPerTransactionAndStillOpensTheV1Ciphertext() {
        // Given
        GoldenFiles v1 = GoldenFiles.load(Path.of("src/test/resources/golden/v1"));
        RecipientPrivateKey oldKey = v1.recipientKeys().get(0);
        Party newKey = Party.generate(oldKey.recipientId(), oldKey.keyVersion() + 1);
        // When
        DekWrap moved;
        try (EnvelopeRewrapper.EpochBatch batch = rewrapper.epochBatch()) {
            moved = batch.rewrap(v1.wrap(oldKey), oldKey, newKey.recipient(), v1.context());
        }
        // Then
        assertThat(moved.isEpoch()).isFalse();
        assertThat(moved.version()).isEqualTo(FormatVersion.V1);
        assertThat(opener.open(v1.ciphertext(), moved, newKey.privateKey(), v1.context(), v1.schema()))
                .isEqualTo(opener.open(v1.ciphertext(), v1.wrap(oldKey), oldKey, v1.context(), v1.schema()));
    }

    @Test
    void aClosedBatchRewrapsNothingAndANewRecipientOutsideTheTransactionIsRefused() {
        // Given
        TransactionContext context = TransactionContext.of("tx-1", Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
        SealedTransaction sealed =
                EnvelopeSealer.create().seal(Fixtures.confidentialFields(), context, List.of(MINER_V1.recipient()));
        EnvelopeRewrapper.EpochBatch batch = rewrapper.epochBatch();
        Party stranger = Party.generate("stranger-1", 1);
        // Then
        assertThatThrownBy(() ->
                        batch.rewrap(sealed.wrapFor("miner-789"), MINER_V1.privateKey(), stranger.recipient(), context))
                .isExactlyInstanceOf(InvalidInputException.class);
        batch.close();
        assertThatThrownBy(() ->
                        batch.rewrap(sealed.wrapFor("miner-789"), MINER_V1.privateKey(), MINER_V2.recipient(), context))
                .isExactlyInstanceOf(IllegalStateException.class);
    }
}
