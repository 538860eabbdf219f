package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.CustodyRecordFormatV1;
import dev.ctx.keyservice.custody.SealedPrivateKey;
import dev.ctx.keyservice.registry.Participant;
import dev.ctx.keyservice.registry.ParticipantId;
import dev.ctx.keyservice.registry.ParticipantState;
import dev.ctx.keyservice.registry.RecoveryGate;
import dev.ctx.keyservice.registry.StateStore;
import dev.ctx.keyservice.registry.StoreUnavailableException;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.keyservice.signing.SigningKeyStore;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.topics.MissingTopicsException;
import dev.ctx.schemas.topics.TopicPolicyMismatchException;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSetupException;

/**
 * {@link StateStore} on Kafka. Each commit is one Kafka transaction holding the access event, the public keyring and the
 * custody record (idempotent transactional producer, {@code acks=all}); it returns only after the broker committed it.
 * An aborted or failed transaction is invisible to read_committed readers, so a failed audit write changes nothing.
 *
 * <p>Why a transaction rather than "event first": with event-first, a crash between the two writes leaves an event
 * for a change that never happened. The transaction also fences a second instance with the same transactional id, which
 * keeps a single writer per store. Readers of {@code participant-keys} must use {@code isolation.level=read_committed}.
 *
 * <p>A commit whose outcome is unknown (the commit timed out, or a failed transaction could not be aborted) fails the
 * request, and the store recovers by itself in the background, with backoff while the broker is away: a new producer
 * with the same transactional id ({@code initTransactions()} completes or aborts the open transaction on the broker),
 * then a read_committed replay of the compacted topics that replaces the in-memory view through the registered
 * {@link RecoveryGate}. Until then it is not ready and refuses writes. Fatal errors (fenced by another instance,
 * authorization) are never recovered from.
 *
 * <p>Every keyring it writes is signed by the {@link KeyringSigner} installed with {@link #signWith}; until one is
 * installed, {@link #commit} and {@link #load} refuse. The sealed signing key itself lives on {@code key-custody} under a
 * reserved id ({@link SigningKeyStore}). A replay loads only keyrings this signer signed, under their own id: anyone
 * else's write to {@code participant-keys} is refused (logged with its key) instead of becoming the service's own
 * view. The one exception is the start that created the signing key (the upgrade to signed keyrings): it adopts the
 * unsigned keyrings written before and {@link #signAdoptedKeyrings} rewrites them signed.
 *
 * <p>Thread-safe: commits are serialized (one open transaction per producer). Only lifecycle changes take that turn:
 * denied requests are written by a {@link DenialEventProducer} of their own, so they never queue in front of a
 * revocation.
 */
public final class KafkaStateStore implements StateStore, SigningKeyStore, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaStateStore.class);

    /** Where the store stands; only {@link #READY} accepts writes. */
    private enum Health { READY, RECOVERING, FATAL }

    private final StoreConfig config;
    private final Serde<ParticipantKeyring> keyringSerde;
    private final Serde<AccessEvent> eventSerde;
    private final RecoveryLoop recovery;
    private KafkaProducer<String, byte[]> producer;
    private volatile Health health = Health.READY;
    private volatile RecoveryGate gate = RecoveryGate.NONE;
    private volatile KeyringSigner signer;
    private volatile boolean adoptUnsigned;
    private final Map<ParticipantId, Participant> adoptedStates = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean closed;

    private KafkaStateStore(StoreConfig config, Serde<ParticipantKeyring> keyringSerde, Serde<AccessEvent> eventSerde) {
        this.config = config;
        this.keyringSerde = Objects.requireNonNull(keyringSerde, "keyringSerde");
        this.eventSerde = Objects.requireNonNull(eventSerde, "eventSerde");
        this.recovery = new RecoveryLoop("key-store-recovery", this::recoverOnce);
    }

    /**
     * Checks the topics (creates the missing ones if configured; refuses a key topic that is not compacted), starts the transactional producer and fences any earlier instance with the
     * same transactional id, aborting its open transaction. Call {@link #load()} afterwards.
     *
     * @param keyringSerde configured value serde for {@link ParticipantKeyring}
     * @param eventSerde configured value serde for {@link AccessEvent}
     */
    public static KafkaStateStore open(StoreConfig config, Serde<ParticipantKeyring> keyringSerde, Serde<AccessEvent> eventSerde) {
        ensureTopics(config);
        KafkaStateStore store = new KafkaStateStore(config, keyringSerde, eventSerde);
        try {
            store.producer = initialisedProducer(config);
        } catch (KafkaException e) {
            store.recovery.close();
            throw new StoreUnavailableException("cannot initialise the transactional producer", e);
        }
        return store;
    }

    /**
     * @throws TopicSetupException naming the topic when a key topic exists with another cleanup policy, or topics are
     *     missing and {@code topics.create=false}
     */
    private static void ensureTopics(StoreConfig config) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicProvisioner(admin, -1, (short) -1, config.timeout()).ensure(config.topics().specs(), config.createTopics());
        } catch (TopicSetupException e) {
            if (e instanceof TopicPolicyMismatchException || e instanceof MissingTopicsException) {
                throw e;
            }
            throw new StoreUnavailableException("cannot check or create the key service topics", e);
        }
    }

    /** A new transactional producer that has fenced every earlier one with the same id and settled its open transaction. */
    private static KafkaProducer<String, byte[]> initialisedProducer(StoreConfig config) {
        KafkaProducer<String, byte[]> fresh = new KafkaProducer<>(producerProperties(config), new StringSerializer(), new ByteArraySerializer());
        try {
            fresh.initTransactions();
            return fresh;
        } catch (KafkaException e) {
            fresh.close(Duration.ZERO);
            throw e;
        }
    }

    private static Map<String, Object> producerProperties(StoreConfig config) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        int timeoutMs = (int) config.timeout().toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2);
        // the commit gives up after max.block.ms with a TimeoutException (unknown outcome, recovered from) before the
        // batches themselves expire, so a broker outage always takes the same path
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs * 2);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(timeoutMs * 2, 10_000));
        return props;
    }

    @Override
    public Map<ParticipantId, ParticipantState> load() {
        StoreTopics topics = config.topics();
        Map<String, ParticipantKeyring> keyrings = TopicReplayer.replay(config.clientProperties(), config.timeout(),
                topics.participantKeys(), bytes -> keyringSerde.deserializer().deserialize(topics.participantKeys(), bytes));
        Map<String, CustodyRecord> custody = TopicReplayer.replay(config.clientProperties(), config.timeout(), topics.keyCustody(),
                CustodyRecordFormatV1::deserialize);
        KeyringSigner keyringSigner = signer;
        if (keyringSigner == null) {
            throw new IllegalStateException("no keyring signer installed; call signWith before load");
        }
        boolean adopting = adoptUnsigned;
        adoptUnsigned = false;
        Map<ParticipantId, ParticipantState> states = new HashMap<>();
        keyrings.forEach((id, keyring) -> {
            boolean unsigned = keyring.getSignature() == null;
            if (!id.equals(keyring.getParticipantId()) || !(keyringSigner.signed(keyring) || (adopting && unsigned))) {
                LOGGER.atError().addKeyValue("topicName", topics.participantKeys()).addKeyValue("recordKey", id)
                        .addKeyValue("reason", !id.equals(keyring.getParticipantId()) ? "record_key_mismatch" : unsigned ? "unsigned" : "bad_signature")
                        .log("keyring not written by this key service refused on replay; its participant is not loaded");
                return;
            }
            Participant participant = KeyringMapper.fromAvro(keyring);
            states.put(participant.id(), new ParticipantState(participant, custody.getOrDefault(id, CustodyRecord.empty(id))));
            if (unsigned) {
                adoptedStates.put(participant.id(), participant);
            }
        });
        LOGGER.atInfo().addKeyValue("participants", states.size()).log("key store replayed");
        return states;
    }

    /** Installs the signer of every keyring written from now on, and the one every replayed keyring must verify with. */
    public void signWith(KeyringSigner keyringSigner) {
        signWith(keyringSigner, false);
    }

    /**
     * Like {@link #signWith(KeyringSigner)}; with {@code adoptUnsignedOnce} (only when the signing key was just
     * created) the next {@link #load} also accepts unsigned keyrings, for {@link #signAdoptedKeyrings} to sign.
     */
    public void signWith(KeyringSigner keyringSigner, boolean adoptUnsignedOnce) {
        this.signer = Objects.requireNonNull(keyringSigner, "keyringSigner");
        this.adoptUnsigned = adoptUnsignedOnce;
    }

    /** Rewrites, signed, the unsigned keyrings the last load adopted (one transaction); returns how many. */
    public synchronized int signAdoptedKeyrings() {
        if (adoptedStates.isEmpty()) {
            return 0;
        }
        StoreTopics topics = config.topics();
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        adoptedStates.forEach((id, participant) -> records.add(new ProducerRecord<>(topics.participantKeys(), id.value(),
                serialize(id.value(), () -> keyringSerde.serializer().serialize(topics.participantKeys(),
                        signer.sign(KeyringMapper.toAvro(participant)))))));
        @SuppressWarnings("unchecked")
        ProducerRecord<String, byte[]>[] batch = records.toArray(new ProducerRecord[0]);
        inTransaction("adopted-keyrings", batch);
        int count = adoptedStates.size();
        LOGGER.atWarn().addKeyValue("participants", count)
                .log("unsigned keyrings written before keyring signing were adopted and rewritten signed");
        adoptedStates.clear();
        return count;
    }

    @Override
    public Optional<SealedPrivateKey> loadSigningKey(String ownerId) {
        Map<String, CustodyRecord> custody = TopicReplayer.replay(config.clientProperties(), config.timeout(),
                config.topics().keyCustody(), CustodyRecordFormatV1::deserialize);
        return Optional.ofNullable(custody.get(ownerId)).flatMap(record -> record.keys().stream().reduce((a, b) -> b));
    }

    @Override
    public synchronized void storeSigningKey(String ownerId, SealedPrivateKey sealed) {
        byte[] custody = CustodyRecordFormatV1.serialize(new CustodyRecord(ownerId, List.of(sealed)));
        inTransaction(ownerId, new ProducerRecord<>(config.topics().keyCustody(), ownerId, custody));
    }

    @Override
    public void onRecovery(RecoveryGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public synchronized void commit(ParticipantState state, AccessEvent event) {
        String id = state.participant().id().value();
        KeyringSigner keyringSigner = signer;
        if (keyringSigner == null) {
            throw new IllegalStateException("no keyring signer installed; call signWith before the first commit");
        }
        StoreTopics topics = config.topics();
        byte[] eventBytes = serialize(id, () -> eventSerde.serializer().serialize(topics.accessEvents(), event));
        byte[] keyring = serialize(id, () -> keyringSerde.serializer().serialize(topics.participantKeys(),
                keyringSigner.sign(KeyringMapper.toAvro(state.participant()))));
        byte[] custody = CustodyRecordFormatV1.serialize(state.custody());
        inTransaction(id, new ProducerRecord<>(topics.accessEvents(), id, eventBytes),
                new ProducerRecord<>(topics.participantKeys(), id, keyring), new ProducerRecord<>(topics.keyCustody(), id, custody));
    }

    /** Serialization talks to the schema registry; its failures are store failures, not server errors. */
    private static byte[] serialize(String key, Supplier<byte[]> serializer) {
        try {
            return serializer.get();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot serialize the record for " + key + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @SafeVarargs
    private void inTransaction(String key, ProducerRecord<String, byte[]>... records) {
        requireReady();
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> record : records) {
                failFast(producer.send(record));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            throw failed(key, settle(e));
        }
    }

    /** A send that already failed (no metadata within max.block.ms) ends the transaction now, not after every record. */
    private static void failFast(Future<RecordMetadata> sent) {
        if (sent.isDone()) {
            try {
                sent.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException("send failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
    }

    /** Decides what a failed transaction leaves behind: fatal, unknown (recover), or aborted. */
    private KafkaException settle(KafkaException e) {
        if (isFatal(e)) {
            health = Health.FATAL;
        } else if (causedBy(e, TimeoutException.class)) {
            // the broker is out of reach: a commit's outcome is unknown (it may still complete), and an abort would wait
            // for the broker too. A new producer with the same transactional id settles the transaction on the broker,
            // and a replay tells whether it landed
            startRecovery();
        } else {
            abort();
        }
        return e;
    }

    /** Another instance took over (or we may not write at all): recovering would fence it back, so never recover. */
    private static boolean isFatal(Throwable e) {
        return causedBy(e, ProducerFencedException.class) || causedBy(e, InvalidProducerEpochException.class)
                || causedBy(e, OutOfOrderSequenceException.class) || causedBy(e, AuthorizationException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void requireReady() {
        switch (health) {
            case READY -> { }
            case RECOVERING -> throw new StoreUnavailableException("the store is recovering from a write with an unknown outcome", null);
            case FATAL -> throw new StoreUnavailableException("the store's producer was fenced or failed fatally", null);
        }
    }

    private StoreUnavailableException failed(String key, KafkaException e) {
        LOGGER.atWarn().addKeyValue("key", key).addKeyValue("error", e.getClass().getSimpleName())
                .addKeyValue("cause", e.getCause() == null ? null : e.getCause().getClass().getSimpleName())
                .addKeyValue("health", health).log("store write not acknowledged");
        return new StoreUnavailableException("write for " + key + " was not acknowledged (" + e.getClass().getSimpleName() + ")", e);
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            LOGGER.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("cannot abort the store transaction");
            if (isFatal(e)) {
                health = Health.FATAL;
            } else {
                startRecovery();
            }
        }
    }

    /** Called with the store's monitor held: no write is in flight, and none is accepted until recovery succeeds. */
    private void startRecovery() {
        health = Health.RECOVERING;
        producer.close(Duration.ZERO);
        recovery.start();
    }

    /** One attempt, on the recovery thread; true when done (recovered, or fatal so pointless to retry). */
    private boolean recoverOnce() {
        long started = System.nanoTime();
        try {
            KafkaProducer<String, byte[]> fresh = initialisedProducer(config);
            gate.replaceWith(() -> install(fresh));
            LOGGER.atInfo().addKeyValue("transactionalId", config.transactionalId())
                    .addKeyValue("attemptMs", (System.nanoTime() - started) / 1_000_000).log("key store recovered");
            return true;
        } catch (RuntimeException e) {
            if (isFatal(e)) {
                health = Health.FATAL;
                LOGGER.atError().addKeyValue("transactionalId", config.transactionalId()).addKeyValue("error", e.getClass().getSimpleName())
                        .log("key store recovery failed fatally");
                return true;
            }
            LOGGER.atWarn().addKeyValue("transactionalId", config.transactionalId()).addKeyValue("error", e.getClass().getSimpleName())
                    .log("key store recovery failed; retrying");
            return health != Health.RECOVERING;
        }
    }

    /** Swaps in the settled producer and replays the log; runs inside the gate, so no change is in flight. */
    private synchronized Map<ParticipantId, ParticipantState> install(KafkaProducer<String, byte[]> fresh) {
        try {
            if (closed || health != Health.RECOVERING) {
                throw new StoreUnavailableException("the store was closed or failed while recovering", null);
            }
            Map<ParticipantId, ParticipantState> replayed = load();
            producer = fresh;
            health = Health.READY;
            return replayed;
        } catch (RuntimeException e) {
            fresh.close(Duration.ZERO);
            throw e;
        }
    }

    /** False once the producer was fenced or failed fatally: the process must restart. */
    public boolean isAlive() {
        return health != Health.FATAL;
    }

    /** True while writes are accepted: not during a recovery from a write with an unknown outcome, never after a fatal error. */
    public boolean isReady() {
        return health == Health.READY;
    }

    @Override
    public synchronized void close() {
        closed = true;
        recovery.close();
        producer.close(health == Health.READY ? config.timeout() : Duration.ZERO);
    }
}
