package dev.ctx.processor.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.keys.RecipientResolver;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** A task's sealer: what closing it destroys, which sealers write epoch wraps, the latency the decorator records. */
class SealerLifecycleTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final Map<String, ParticipantKeyring> keyrings = keys.all();
    private final TransactionGenerator generator =
            new TransactionGenerator(GeneratorSettings.benchmarkDefault("txn"), 5L);
    private final Transaction transaction = generator.next();
    private final List<ResolvedRecipient> recipients =
            new RecipientResolver(id -> Optional.ofNullable(keyrings.get(id))).resolve(transaction.getParticipants());

    @Test
    void aClosedEpochSealerRefusesToSealInsteadOfReusingItsContexts() {
        // Given a task's epoch sealer that has sealed once
        Sealer task = EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.defaults())
                .forTask();
        task.seal(transaction, recipients);

        // When
        task.close();

        // Then
        assertThatThrownBy(() -> task.seal(generator.next(), recipients))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closingAnInstrumentedEpochSealerClosesTheSealerItDecorates() {
        // Given
        Sealer task = new InstrumentedSealer(
                        EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.defaults()),
                        new MicrometerProcessorMetrics(new SimpleMeterRegistry()))
                .forTask();

        // When
        task.close();

        // Then
        assertThatThrownBy(() -> task.seal(transaction, recipients))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void onlyAnEpochModeSealerWritesEpochWraps() {
        // When / Then
        assertThat(EnvelopeLibrarySealer.create(WrapMode.EPOCH, EpochPolicy.defaults())
                        .writesEpochWraps())
                .isTrue();
        assertThat(EnvelopeLibrarySealer.create(WrapMode.PER_TRANSACTION, EpochPolicy.defaults())
                        .writesEpochWraps())
                .isFalse();
    }

    @Test
    void theRecordedSealLatencyIsTheTimeTheSealTook() {
        // Given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Sealer sealer =
                new InstrumentedSealer(EnvelopeLibrarySealer.create(), new MicrometerProcessorMetrics(registry));

        // When
        long start = System.nanoTime();
        sealer.seal(transaction, recipients);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // Then
        Timer latency = registry.get(MicrometerProcessorMetrics.SEAL_LATENCY).timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.NANOSECONDS)).isPositive().isLessThanOrEqualTo(elapsed.toNanos());
    }
}
