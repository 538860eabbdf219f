package dev.ctx.keyservice;

import static dev.ctx.keyservice.config.KeyServiceConfigDef.ESCROW_EXPIRY_CHECK_INTERVAL_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ESCROW_MAX_DURATION_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ESCROW_MAX_OPENS_CONFIG;

import java.time.Clock;

import org.apache.kafka.common.serialization.Serde;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.escrow.EscrowExpirySweep;
import dev.ctx.keyservice.escrow.EscrowService;
import dev.ctx.keyservice.escrow.EscrowSettings;
import dev.ctx.keyservice.escrow.EscrowTable;
import dev.ctx.keyservice.lookup.ParticipantTransactions;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.store.EscrowFollower;
import dev.ctx.keyservice.store.KafkaParticipantStore;
import dev.ctx.keyservice.store.StoreConfig;
import dev.ctx.schemas.access.EscrowRequest;

/**
 * The audit-escrow path: the table replayed from {@code escrow-requests} and followed, the service (which alone holds
 * the escrow key unsealing capability, handed over here once) and the expiry sweep.
 */
final class EscrowWiring implements AutoCloseable {

    private final EscrowFollower follower;
    private final EscrowExpirySweep sweep;
    private final EscrowService service;

    private EscrowWiring(EscrowFollower follower, EscrowExpirySweep sweep, EscrowService service) {
        this.follower = follower;
        this.sweep = sweep;
        this.service = service;
    }

    /** Replays the topic (before the HTTP server starts), then wires the service; the caller closes it. */
    static EscrowWiring start(
            KeyServiceConfig config,
            StoreConfig storeConfig,
            KafkaParticipantStore store,
            Serde<EscrowRequest> serde,
            TransactionLookup lookup,
            ParticipantTransactions byParticipant,
            KeyLifecycle keys,
            AccessWiring access,
            AccessEvents events,
            Clock clock,
            MeterRegistry meters) {
        EscrowTable table = new EscrowTable();
        EscrowFollower follower = EscrowFollower.start(storeConfig, serde, table);
        store.beforeTakeover(() -> follower.awaitCaughtUp(storeConfig.timeout()));
        try {
            EscrowService service = new EscrowService(
                    table,
                    store.escrowLog(serde),
                    lookup,
                    keys.handOverEscrowKeyUnsealingOnce(),
                    access.committer(),
                    events,
                    new EscrowSettings(
                            config.getInt(ESCROW_MAX_OPENS_CONFIG),
                            config.getDuration(ESCROW_MAX_DURATION_CONFIG),
                            storeConfig.timeout().multipliedBy(2).plusSeconds(1)),
                    clock,
                    meters,
                    byParticipant);
            EscrowExpirySweep sweep = EscrowExpirySweep.start(
                    service, config.getDuration(ESCROW_EXPIRY_CHECK_INTERVAL_CONFIG), () -> !store.isFollower());
            return new EscrowWiring(follower, sweep, service);
        } catch (RuntimeException e) {
            follower.close();
            throw e;
        }
    }

    EscrowService service() {
        return service;
    }

    @Override
    public void close() {
        sweep.close();
        follower.close();
    }
}
