package dev.ctx.keyservice.store;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.RecoveryGate;

/**
 * Recovers the store after a write with an unknown outcome, in the background with backoff ({@link RecoveryLoop}): a
 * new producer with the same transactional id ({@code initTransactions()} completes or aborts the open transaction on
 * the broker), then a read_committed replay swapped into the in-memory view through the {@link RecoveryGate}. A fatal
 * error ends the attempts for good. A replica elected leader takes over the same way ({@link
 * KafkaParticipantStore#lead}): its {@code initTransactions()} fences the previous leader.
 */
final class ProducerRecovery implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProducerRecovery.class);

    private final StoreConfig config;
    private final StoreHealth health;
    private final Supplier<RecoveryGate> gate;
    private final Function<KafkaProducer<String, byte[]>, Map<ParticipantId, ParticipantState>> install;
    private final RecoveryLoop loop;
    private final BooleanSupplier mayTakeOver;

    /**
     * @param install swaps in the settled producer and returns the replayed state; runs inside the gate
     * @param mayTakeOver checked before each attempt: false turns the store into a follower and ends the attempts
     */
    ProducerRecovery(
            StoreConfig config,
            StoreHealth health,
            Supplier<RecoveryGate> gate,
            Function<KafkaProducer<String, byte[]>, Map<ParticipantId, ParticipantState>> install,
            BooleanSupplier mayTakeOver) {
        this.config = config;
        this.mayTakeOver = mayTakeOver;
        this.health = health;
        this.gate = gate;
        this.install = install;
        this.loop = new RecoveryLoop("key-store-recovery", this::attempt);
    }

    /** Starts recovering unless already under way. */
    void start() {
        loop.start();
    }

    /** One attempt, on the recovery thread; true when done (recovered, or fatal so pointless to retry). */
    private boolean attempt() {
        if (!health.isRecovering() || !mayTakeOver.getAsBoolean()) {
            return true; // a replica that is not (or no longer) the leader must not fence the leader
        }
        long started = System.nanoTime();
        try {
            KafkaProducer<String, byte[]> fresh = TransactionalProducers.initialised(config);
            gate.get().replaceWith(() -> install.apply(fresh));
            LOGGER.atInfo()
                    .addKeyValue("transactionalId", config.transactionalId())
                    .addKeyValue("attemptMs", (System.nanoTime() - started) / 1_000_000)
                    .log("key store recovered");
            return true;
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private boolean failed(RuntimeException e) {
        if (config.replicated() && KafkaErrors.isFenced(e)) {
            health.follower();
            LOGGER.atWarn()
                    .addKeyValue("transactionalId", config.transactionalId())
                    .log("another replica took over while this one recovered; following");
            return true;
        }
        if (KafkaErrors.isFatal(e)) {
            health.fatal();
            LOGGER.atError()
                    .addKeyValue("transactionalId", config.transactionalId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("key store recovery failed fatally");
            return true;
        }
        LOGGER.atWarn()
                .addKeyValue("transactionalId", config.transactionalId())
                .addKeyValue("error", e.getClass().getSimpleName())
                .log("key store recovery failed; retrying");
        return !health.isRecovering();
    }

    @Override
    public void close() {
        loop.close();
    }
}
