package dev.ctx.keyservice;

import static dev.ctx.keyservice.config.KeyServiceConfigDef.REPLICATION_ENABLED_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REPLICATION_GROUP_ID_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REPLICATION_GROUP_ID_SUFFIX;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REPLICATION_REFRESH_INTERVAL_MS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REPLICATION_SESSION_TIMEOUT_MS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REPLICATION_TOPIC_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.SERVICE_INSTANCE_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.STORE_TRANSACTIONAL_ID_CONFIG;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.replication.LeaderElection;
import dev.ctx.keyservice.replication.LeaderRole;
import dev.ctx.keyservice.replication.ReplicaStatus;
import dev.ctx.keyservice.replication.ReplicationSettings;
import dev.ctx.keyservice.store.KafkaParticipantStore;
import dev.ctx.keyservice.store.StoreConfig;

/**
 * The replica's role ({@code replication.enabled}): the leader election driving the store (elected: take over,
 * fencing the previous leader; demoted: stop writing), the follower's refresh of the key topics, and the status behind
 * {@code /health} and {@code ctx_key_service_leader}. A single replica has no election and always writes.
 */
final class ReplicaWiring implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ReplicaWiring.class);
    private static final Duration READY_POLL = Duration.ofMillis(50);

    private final LeaderElection election;
    private final ReplicaStatus status;
    private final Duration refreshInterval;

    private ReplicaWiring(LeaderElection election, ReplicaStatus status, Duration refreshInterval) {
        this.election = election;
        this.status = status;
        this.refreshInterval = refreshInterval;
    }

    private static boolean enabled(KeyServiceConfig config) {
        return config.getBoolean(REPLICATION_ENABLED_CONFIG);
    }

    /** The replica id the store's own producers carry: {@code service.instance} with replication, else none. */
    static String replica(KeyServiceConfig config) {
        return enabled(config) ? config.getString(SERVICE_INSTANCE_CONFIG) : "";
    }

    static ReplicationSettings settings(KeyServiceConfig config) {
        return new ReplicationSettings(
                config.getString(SERVICE_INSTANCE_CONFIG),
                config.optionalString(REPLICATION_GROUP_ID_CONFIG)
                        .orElse(config.getString(STORE_TRANSACTIONAL_ID_CONFIG) + REPLICATION_GROUP_ID_SUFFIX),
                config.getString(REPLICATION_TOPIC_CONFIG),
                Duration.ofMillis(config.getInt(REPLICATION_SESSION_TIMEOUT_MS_CONFIG)),
                Duration.ofMillis(config.getInt(REPLICATION_REFRESH_INTERVAL_MS_CONFIG)));
    }

    /**
     * Joins the election (replicated) and, when elected, waits until the store took over, so the startup writes
     * (a first signing key) go through; a follower starts reading at once.
     */
    static ReplicaWiring start(
            KeyServiceConfig config, StoreConfig storeConfig, KafkaParticipantStore store, MeterRegistry meters) {
        if (!enabled(config)) {
            return new ReplicaWiring(
                    null,
                    ReplicaStatus.single(config.getString(SERVICE_INSTANCE_CONFIG))
                            .register(meters),
                    null);
        }
        ReplicationSettings settings = settings(config);
        LeaderElection election = LeaderElection.start(
                settings,
                storeConfig.clientProperties(),
                storeConfig.createTopics(),
                storeConfig.timeout(),
                new LeaderRole.Listener() {
                    @Override
                    public void elected() {
                        store.lead();
                    }

                    @Override
                    public void demoted() {
                        store.follow();
                    }
                });
        store.leaderHint(() -> election.leader().orElse(null));
        ReplicaStatus status =
                new ReplicaStatus(settings.instance(), true, election::isLeader, election::leader).register(meters);
        ReplicaWiring wiring = new ReplicaWiring(election, status, settings.refreshInterval());
        try {
            wiring.awaitTakeover(store, storeConfig.timeout().multipliedBy(3));
        } catch (RuntimeException e) {
            election.close();
            throw e;
        }
        LOGGER.atInfo()
                .addKeyValue("instance", settings.instance())
                .addKeyValue("role", status.role())
                .addKeyValue("leader", election.leader().orElse(null))
                .log("replica started");
        return wiring;
    }

    private void awaitTakeover(KafkaParticipantStore store, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (election.isLeader() && !store.isReady()) {
            if (!store.isAlive() || System.nanoTime() > deadline) {
                throw new StoreUnavailableException("the elected replica could not take over the store", null);
            }
            try {
                Thread.sleep(READY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while taking over the store", e);
            }
        }
    }

    /** On a follower, keeps the participants current with the leader's writes (after the first load). */
    void followLeader(KafkaParticipantStore store) {
        if (election != null) {
            store.followLeader(refreshInterval);
        }
    }

    /** {@code /health/ready}: a follower is ready too (it serves reads), a single replica only while it writes. */
    boolean ready(KafkaParticipantStore store) {
        return election == null ? store.isReady() : store.isServing();
    }

    ReplicaStatus status() {
        return status;
    }

    /** Resigns and leaves the group, so another replica takes over at once. */
    @Override
    public void close() {
        if (election != null) {
            election.close();
        }
    }
}
