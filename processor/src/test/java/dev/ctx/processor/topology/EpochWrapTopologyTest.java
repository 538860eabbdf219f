package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** {@code envelope.wrap-mode=epoch} in the topology: epoch wraps that every recipient opens, a new epoch per task. */
class EpochWrapTopologyTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 3, 3), 7L);

    private record Output(EncryptedTransaction encrypted, Envelope envelope, Transaction input) {}

    private List<Output> sealThrough(TopologyHarness harness, int count) {
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Transaction transaction = generator.next();
            harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
            outputs.add(new Output(harness.encrypted.readValue(), harness.envelopes.readValue(), transaction));
        }
        return outputs;
    }

    private static DekWrap wrap(RecipientWrap wrap) {
        return DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), Opening.bytes(wrap.getWrap()));
    }

    @Test
    void everyRecipientOpensTheEpochWrapsOfEveryTransaction() {
        // Given
        EnvelopeLibrarySealer sealer = EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.defaults());
        try (TopologyHarness harness =
                TopologyHarness.start(EncryptionMode.ALWAYS, sealer).publish(keys)) {
            // When
            List<Output> outputs = sealThrough(harness, 5);
            // Then
            for (int i = 0; i < outputs.size(); i++) {
                Output output = outputs.get(i);
                byte[] expected =
                        Opening.encode(ConfidentialFields.ofTransaction().project(output.input()));
                for (RecipientWrap recipientWrap : output.envelope().getWraps()) {
                    DekWrap wrap = wrap(recipientWrap);
                    assertThat(wrap.isEpoch()).isTrue();
                    assertThat(wrap.sequence()).isEqualTo(i);
                    assertThat(Opening.encode(Opening.open(
                                    output.encrypted(),
                                    output.envelope(),
                                    keys.privateKey(recipientWrap.getRecipientId()))))
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aRestartedTaskStartsANewEpochAndNoEncAndSequencePairRepeats() {
        // Given one sealer configuration shared by two runs of the task, the second after a restart
        EnvelopeLibrarySealer sealer =
                EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.of(3, Duration.ofMinutes(1)));
        List<Output> outputs = new ArrayList<>();
        // When
        for (int run = 0; run < 2; run++) {
            try (TopologyHarness harness =
                    TopologyHarness.start(EncryptionMode.ALWAYS, sealer).publish(keys)) {
                outputs.addAll(sealThrough(harness, 4));
            }
        }
        // Then
        Set<String> encAndSequence = new HashSet<>();
        Set<String> epochs = new HashSet<>();
        int wraps = 0;
        for (Output output : outputs) {
            for (RecipientWrap recipientWrap : output.envelope().getWraps()) {
                DekWrap wrap = wrap(recipientWrap);
                encAndSequence.add(HexFormat.of().formatHex(wrap.enc()) + ":" + wrap.sequence());
                epochs.add(wrap.epochId().orElseThrow().toString());
                wraps++;
            }
        }
        assertThat(encAndSequence).hasSize(wraps);
        assertThat(epochs).hasSize(4);
        assertThat(outputs.stream()
                        .map(o -> wrap(o.envelope().getWraps().get(0)).sequence()))
                .containsExactly(0L, 1L, 2L, 0L, 0L, 1L, 2L, 0L);
    }

    @Test
    void perTransactionModeStillWritesSingleShotWraps() {
        // Given
        EnvelopeLibrarySealer sealer = EnvelopeLibrarySealer.create(WrapMode.PER_TRANSACTION, EpochPolicy.defaults());
        try (TopologyHarness harness =
                TopologyHarness.start(EncryptionMode.ALWAYS, sealer).publish(keys)) {
            // When
            Output output = sealThrough(harness, 1).get(0);
            // Then
            assertThat(output.envelope().getWraps())
                    .allSatisfy(w -> assertThat(wrap(w).isEpoch()).isFalse());
            assertThat(Opening.open(output.encrypted(), output.envelope(), keys.privateKey("miner-1")))
                    .isNotNull();
        }
    }
}
