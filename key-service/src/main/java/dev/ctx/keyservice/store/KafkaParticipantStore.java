package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.SealedPrivateKey;
import dev.ctx.keyservice.escrow.EscrowLog;
import dev.ctx.keyservice.grants.GrantLog;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.ParticipantStore;
import dev.ctx.keyservice.participants.RecoveryGate;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.revocation.EnvelopeCommandLog;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.keyservice.signing.SigningKeyStore;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessGrant;
import dev.ctx.schemas.access.EscrowRequest;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.topics.TopicSetupException;

/**
 * {@link ParticipantStore} on Kafka: each commit is one Kafka transaction ({@link TransactionRunner}) holding the
 * access event, the public keyring and the custody record, and returns only after the broker committed it. Every
 * keyring it writes is signed by the {@link KeyringSigner} installed with {@link #signWith} (until then {@link #commit}
 * and {@link #load} refuse); the sealed signing key lives on {@code key-custody} ({@link SigningKeyStore}). Denied
 * requests go through a {@link DenialEventProducer} of their own. Thread-safe. Why a transaction, recovery after an
 * unknown outcome, and the adoption of unsigned keyrings: {@code docs/key-service-custody.md} ("Writing a change").
 */
public final class KafkaParticipantStore implements ParticipantStore, SigningKeyStore, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaParticipantStore.class);

    private final StoreHealth health;
    private final KeyringSigning signing = new KeyringSigning();
    private final StoreRecords records;
    private final StoreReplay replay;
    private final ProducerRecovery recovery;
    private final TransactionRunner transactions;
    private final String grantsTopic;
    private final String escrowTopic;
    private final StoreConfig config;
    private volatile RecoveryGate gate = RecoveryGate.NONE;
    private volatile boolean elected;
    private final AccessEventLog opened;
    private FollowedKeyTopics followed;
    private final List<Runnable> beforeTakeover = new CopyOnWriteArrayList<>();

    private KafkaParticipantStore(
            StoreConfig config,
            Serde<ParticipantKeyring> keyringSerde,
            Serde<AccessEvent> eventSerde,
            KafkaProducer<String, byte[]> producer) {
        this.config = config;
        this.opened = config.replicated() ? AccessEventLog.open(config, eventSerde, "opened") : null;
        this.health = new StoreHealth(producer == null ? StoreHealth.State.FOLLOWER : StoreHealth.State.READY);
        this.records = new StoreRecords(config.topics(), keyringSerde, eventSerde);
        this.replay = new StoreReplay(config, keyringSerde, signing);
        this.recovery = new ProducerRecovery(config, health, () -> gate, this::install, this::mayTakeOver);
        this.transactions =
                new TransactionRunner(producer, health, config.timeout(), recovery::start, config.replicated());
        this.grantsTopic = config.topics().accessGrants();
        this.escrowTopic = config.topics().escrowRequests();
    }

    /**
     * Checks the topics (creates the missing ones if configured; refuses a key topic that is not compacted), starts the
     * transactional producer and fences any earlier instance with the same transactional id, aborting its open
     * transaction. Call {@link #load()} afterwards.
     *
     * <p>One of several replicas sharing the transactional id ({@link StoreConfig#replicated()}) starts as a follower
     * without a producer instead (initialising one would fence the leader); it writes only after {@link #lead()}.
     *
     * @param keyringSerde configured value serde for {@link ParticipantKeyring}
     * @param eventSerde configured value serde for {@link AccessEvent}
     * @throws TopicSetupException naming the topic when the topics are not as required
     */
    public static KafkaParticipantStore open(
            StoreConfig config, Serde<ParticipantKeyring> keyringSerde, Serde<AccessEvent> eventSerde) {
        Objects.requireNonNull(keyringSerde, "keyringSerde");
        Objects.requireNonNull(eventSerde, "eventSerde");
        KeyTopicsSetup.ensure(config);
        if (config.replicated()) {
            return new KafkaParticipantStore(config, keyringSerde, eventSerde, null);
        }
        try {
            return new KafkaParticipantStore(
                    config, keyringSerde, eventSerde, TransactionalProducers.initialised(config));
        } catch (KafkaException e) {
            throw new StoreUnavailableException("cannot initialise the transactional producer", e);
        }
    }

    /**
     * This replica was elected leader: refuses writes until a new producer with the shared transactional id fenced the
     * previous leader (settling its open transaction) and the key topics were replayed to their end into the in-memory
     * view, then accepts them. Runs in the background with retries; returns at once. Nothing happens unless following.
     */
    public void lead() {
        elected = true;
        if (transactions.startLeading()) {
            recovery.start();
        }
    }

    /** This replica lost the leadership: every later write is refused at once ({@code NotLeaderException}). */
    public void follow() {
        elected = false;
        transactions.follow();
    }

    /** Who leads, named in a follower's refusals ({@code service.instance}, or null if unknown). */
    public void leaderHint(Supplier<String> leader) {
        health.leaderHint(Objects.requireNonNull(leader, "leader"));
    }

    /**
     * Starts checking every {@code interval} whether the leader changed the key topics, replaying them on this
     * follower when it did (see {@link #refreshFollowed}); closed with the store.
     */
    public synchronized void followLeader(Duration interval) {
        if (followed == null) {
            followed = FollowedKeyTopics.start(config, interval, this::refreshFollowed);
        }
    }

    /** True while this replica follows another (reads only). */
    public boolean isFollower() {
        return health.isFollower();
    }

    /**
     * On a follower, replays the key topics into the in-memory view (the leader's changes); on the leader nothing (its
     * changes are in memory already). Returns whether it replayed.
     */
    public boolean refreshFollowed() {
        if (!health.isFollower()) {
            return false;
        }
        gate.replaceWith(this::load);
        return true;
    }

    @Override
    public Map<ParticipantId, ParticipantState> load() {
        return replay.participants();
    }

    /**
     * Installs the signer of every keyring written from now on, and the one every replayed keyring must verify with.
     */
    public void signWith(KeyringSigner keyringSigner) {
        signWith(keyringSigner, false);
    }

    /**
     * Like {@link #signWith(KeyringSigner)}; with {@code adoptUnsignedOnce} (only when the signing key was just
     * created) the next {@link #load} also accepts unsigned keyrings, for {@link #signAdoptedKeyrings} to sign.
     */
    public void signWith(KeyringSigner keyringSigner, boolean adoptUnsignedOnce) {
        signing.install(keyringSigner, adoptUnsignedOnce);
    }

    /** Rewrites, signed, the unsigned keyrings the last load adopted (one transaction); returns how many. */
    public synchronized int signAdoptedKeyrings() {
        Map<ParticipantId, Participant> adopted = signing.adopted();
        if (adopted.isEmpty()) {
            return 0;
        }
        KeyringSigner signer = signing.signer("signing adopted keyrings");
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        adopted.forEach((id, participant) -> batch.add(records.keyring(id.value(), participant, signer)));
        transactions.commit("adopted-keyrings", batch);
        LOGGER.atWarn()
                .addKeyValue("participants", adopted.size())
                .log("unsigned keyrings written before keyring signing were adopted and rewritten signed");
        signing.clearAdopted();
        return adopted.size();
    }

    @Override
    public Optional<SealedPrivateKey> loadSigningKey(String ownerId) {
        return Optional.ofNullable(replay.custody().get(ownerId))
                .flatMap(record -> record.keys().stream().reduce((a, b) -> b));
    }

    @Override
    public List<String> signingKeyOwners(String prefix) {
        return replay.custody().keySet().stream()
                .filter(owner -> owner.startsWith(prefix))
                .toList();
    }

    @Override
    public void storeSigningKey(String ownerId, SealedPrivateKey sealed) {
        transactions.commit(ownerId, List.of(records.custody(ownerId, new CustodyRecord(ownerId, List.of(sealed)))));
    }

    @Override
    public void onRecovery(RecoveryGate recoveryGate) {
        this.gate = Objects.requireNonNull(recoveryGate, "gate");
    }

    /**
     * One transaction: the event, the keyring and the custody record. With several replicas a {@code KEY_OPENED}
     * event (the state is unchanged) commits alone through this replica's own producer
     * ({@code <store.transactional.id>-opened-<service.instance>}), so a follower answers access requests too.
     */
    @Override
    public void commit(ParticipantState state, AccessEvent event) {
        if (opened != null && event.getType() == AccessEventType.KEY_OPENED) {
            opened.commit(List.of(event));
            return;
        }
        String id = state.participant().id().value();
        KeyringSigner signer = signing.signer("the first commit");
        transactions.commit(
                id,
                List.of(
                        records.event(id, event),
                        records.keyring(id, state.participant(), signer),
                        records.custody(id, state.custody())));
    }

    /**
     * The grants log on {@code access-grants}: each grant or revocation commits with its access event in one
     * transaction of this store's producer (same writer, fencing, health and recovery as lifecycle changes).
     *
     * @param grantSerde configured value serde for {@link AccessGrant}
     */
    public GrantLog grantLog(Serde<AccessGrant> grantSerde) {
        return new KafkaGrantLog(transactions, records, grantsTopic, Objects.requireNonNull(grantSerde, "grantSerde"));
    }

    /**
     * The revocation and shredding commands on {@code topic} ({@code transactions.envelope-commands}): each commits
     * with its access event in one transaction of this store's producer.
     */
    public EnvelopeCommandLog commandLog(String topic) {
        return new KafkaEnvelopeCommandLog(transactions, records, Objects.requireNonNull(topic, "topic"));
    }

    /**
     * The escrow log on {@code escrow-requests}: each state change of an escrow request commits with its access events
     * in one transaction of this store's producer (same writer, fencing, health and recovery as lifecycle changes).
     *
     * @param escrowSerde configured value serde for {@link EscrowRequest}
     */
    public EscrowLog escrowLog(Serde<EscrowRequest> escrowSerde) {
        return new KafkaEscrowLog(
                transactions, records, escrowTopic, Objects.requireNonNull(escrowSerde, "escrowSerde"));
    }

    /** With several replicas, only the elected one initialises a producer with the shared transactional id. */
    private boolean mayTakeOver() {
        return transactions.mayTakeOver(() -> elected);
    }

    /** Swaps in the settled producer and replays the log; runs inside the gate, so no change is in flight. */
    private Map<ParticipantId, ParticipantState> install(KafkaProducer<String, byte[]> fresh) {
        // a replica elected while starting takes over before its first load (no signer, no view yet): that load
        // follows and reads the topics to their end then
        return transactions.swapIn(fresh, () -> {
            beforeTakeover.forEach(Runnable::run);
            return signing.installed() ? load() : Map.of();
        });
    }

    /**
     * Runs {@code step} each time this store takes over (a replica elected leader, or a recovery) after fencing the
     * previous writer and before accepting writes, e.g. waiting until a followed table caught up; if it throws, the
     * takeover is retried.
     */
    public void beforeTakeover(Runnable step) {
        beforeTakeover.add(Objects.requireNonNull(step, "step"));
    }

    /** False once the producer was fenced or failed fatally: the process must restart. */
    public boolean isAlive() {
        return health.isAlive();
    }

    /**
     * True while writes are accepted: not during a recovery from a write with an unknown outcome, never after a fatal
     * error.
     */
    public boolean isReady() {
        return health.isReady();
    }

    /** True while this replica serves: it accepts writes ({@link #isReady()}) or follows the leader (reads only). */
    public boolean isServing() {
        return health.isReady() || health.isFollower();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (followed != null) {
                followed.close();
            }
        }
        if (opened != null) {
            opened.close();
        }
        transactions.close();
        recovery.close();
    }
}
