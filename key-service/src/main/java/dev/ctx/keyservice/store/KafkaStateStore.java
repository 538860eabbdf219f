package dev.ctx.keyservice.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
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
import dev.ctx.keyservice.registry.Participant;
import dev.ctx.keyservice.registry.ParticipantId;
import dev.ctx.keyservice.registry.ParticipantState;
import dev.ctx.keyservice.registry.StateStore;
import dev.ctx.keyservice.registry.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * {@link StateStore} on Kafka. Each commit is one Kafka transaction holding the access event, the public keyring and the
 * custody record (idempotent transactional producer, {@code acks=all}); it returns only after the broker committed it.
 * An aborted or failed transaction is invisible to read_committed readers, so a failed audit write changes nothing.
 *
 * <p>Why a transaction rather than "event first": with event-first, a crash between the two writes leaves an event
 * for a change that never happened. The transaction also fences a second instance with the same transactional id, which
 * keeps a single writer per store. Readers of {@code participant-keys} must use {@code isolation.level=read_committed}.
 *
 * <p>Thread-safe: commits are serialized (one open transaction per producer).
 */
public final class KafkaStateStore implements StateStore, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaStateStore.class);

    private final StoreConfig config;
    private final Serde<ParticipantKeyring> keyringSerde;
    private final Serde<AccessEvent> eventSerde;
    private final KafkaProducer<String, byte[]> producer;
    private volatile boolean healthy = true;

    private KafkaStateStore(StoreConfig config, Serde<ParticipantKeyring> keyringSerde, Serde<AccessEvent> eventSerde) {
        this.config = config;
        this.keyringSerde = Objects.requireNonNull(keyringSerde, "keyringSerde");
        this.eventSerde = Objects.requireNonNull(eventSerde, "eventSerde");
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Creates missing topics (if configured), starts the transactional producer and fences any earlier instance with the
     * same transactional id, aborting its open transaction. Call {@link #load()} afterwards.
     *
     * @param keyringSerde configured value serde for {@link ParticipantKeyring}
     * @param eventSerde configured value serde for {@link AccessEvent}
     */
    public static KafkaStateStore open(StoreConfig config, Serde<ParticipantKeyring> keyringSerde, Serde<AccessEvent> eventSerde) {
        if (config.createTopics()) {
            TopicProvisioner.ensureTopics(config);
        }
        KafkaStateStore store = new KafkaStateStore(config, keyringSerde, eventSerde);
        try {
            store.producer.initTransactions();
        } catch (KafkaException e) {
            store.producer.close();
            throw new StoreUnavailableException("cannot initialise the transactional producer", e);
        }
        return store;
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
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(timeoutMs * 2, 10_000));
        return props;
    }

    @Override
    public Map<ParticipantId, ParticipantState> load() {
        StoreTopics topics = config.topics();
        Map<String, ParticipantKeyring> keyrings = TopicReplayer.replay(config.clientProperties(), topics.participantKeys(),
                bytes -> keyringSerde.deserializer().deserialize(topics.participantKeys(), bytes));
        Map<String, CustodyRecord> custody = TopicReplayer.replay(config.clientProperties(), topics.keyCustody(),
                CustodyRecordFormatV1::deserialize);
        Map<ParticipantId, ParticipantState> states = new HashMap<>();
        keyrings.forEach((id, keyring) -> {
            Participant participant = KeyringMapper.fromAvro(keyring);
            states.put(participant.id(), new ParticipantState(participant, custody.getOrDefault(id, CustodyRecord.empty(id))));
        });
        LOGGER.atInfo().addKeyValue("participants", states.size()).log("key store replayed");
        return states;
    }

    @Override
    public synchronized void commit(ParticipantState state, AccessEvent event) {
        String id = state.participant().id().value();
        StoreTopics topics = config.topics();
        byte[] eventBytes = serialize(id, () -> eventSerde.serializer().serialize(topics.accessEvents(), event));
        byte[] keyring = serialize(id, () -> keyringSerde.serializer().serialize(topics.participantKeys(),
                KeyringMapper.toAvro(state.participant())));
        byte[] custody = CustodyRecordFormatV1.serialize(state.custody());
        inTransaction(id, new ProducerRecord<>(topics.accessEvents(), id, eventBytes),
                new ProducerRecord<>(topics.participantKeys(), id, keyring), new ProducerRecord<>(topics.keyCustody(), id, custody));
    }

    @Override
    public synchronized void record(AccessEvent event) {
        String key = event.getSubject() == null ? event.getRequester() : event.getSubject();
        byte[] bytes = serialize(key, () -> eventSerde.serializer().serialize(config.topics().accessEvents(), event));
        inTransaction(key, new ProducerRecord<>(config.topics().accessEvents(), key, bytes));
    }

    /** Serialization talks to the schema registry; its failures are store failures, not server errors. */
    private static byte[] serialize(String key, java.util.function.Supplier<byte[]> serializer) {
        try {
            return serializer.get();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot serialize the record for " + key + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @SafeVarargs
    private void inTransaction(String key, ProducerRecord<String, byte[]>... records) {
        if (!healthy) {
            throw new StoreUnavailableException("the store's producer was fenced or failed fatally", null);
        }
        try {
            producer.beginTransaction();
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            healthy = false;
            throw failed(key, e);
        } catch (TimeoutException e) {
            // the commit's outcome is unknown (it may still complete) and the producer cannot abort it: only a
            // restart, which replays the log, knows the truth; until then the service reports not ready
            healthy = false;
            throw failed(key, e);
        } catch (KafkaException e) {
            abort();
            throw failed(key, e);
        }
    }

    private StoreUnavailableException failed(String key, KafkaException e) {
        LOGGER.atWarn().addKeyValue("key", key).addKeyValue("error", e.getClass().getSimpleName())
                .log("store write not acknowledged; nothing changed");
        return new StoreUnavailableException("write for " + key + " was not acknowledged (" + e.getClass().getSimpleName() + ")", e);
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            healthy = false;
            LOGGER.atError().addKeyValue("error", e.getClass().getSimpleName()).log("cannot abort the store transaction");
        }
    }

    /** False after a fatal producer error (fenced by another instance): the service must restart. */
    public boolean isHealthy() {
        return healthy;
    }

    @Override
    public void close() {
        producer.close(config.timeout());
    }
}
