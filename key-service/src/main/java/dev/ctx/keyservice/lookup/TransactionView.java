package dev.ctx.keyservice.lookup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key service's transaction view: {@link TransactionViewTopology} in a {@link KafkaStreams} instance of its own
 * application id, answering {@link #find} by interactive queries on the local store. Starts at once when both topics
 * exist (after checking they are co-partitioned), otherwise as soon as they appear; until the store is queryable,
 * {@link #find} throws {@link LookupUnavailableException}. A failed stream thread is replaced.
 */
public final class TransactionView implements TransactionLookup, ParticipantTransactions, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TransactionView.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ViewSettings settings;
    private final ViewSerdes serdes;
    private final KafkaStreams streams;
    private final ViewReader reader;
    private final ViewCoverage coverage;
    private volatile Thread waiter;

    private TransactionView(ViewSettings settings, ViewSerdes serdes) {
        this.settings = settings;
        this.serdes = serdes;
        this.streams = new KafkaStreams(TransactionViewTopology.build(settings.topics(), serdes), properties(settings));
        this.reader = new ViewReader(this::store, settings.topics(), serdes);
        this.coverage = new ViewCoverage(streams, settings.topics().encrypted());
    }

    /**
     * Builds and starts the view.
     *
     * @throws ViewTopicsException when both topics exist with different partition counts
     * @throws LookupUnavailableException when the broker cannot be asked about the topics
     */
    public static TransactionView start(ViewSettings settings) {
        ViewSerdes serdes = ViewSerdes.create(settings.registryConfig());
        TransactionView view;
        try {
            view = new TransactionView(settings, serdes);
        } catch (RuntimeException e) {
            serdes.close();
            throw e;
        }
        try {
            view.startWhenTopicsExist();
            return view;
        } catch (RuntimeException e) {
            view.close();
            throw e;
        }
    }

    private void startWhenTopicsExist() {
        streams.setUncaughtExceptionHandler(e -> {
            LOGGER.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("transaction view thread replaced");
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((newState, oldState) -> coverage.onStateChange(newState));
        OptionalInt partitions;
        try (Admin admin = Admin.create(settings.kafkaClient())) {
            partitions = CoPartitioning.check(admin, settings.topics(), settings.timeout());
        }
        if (partitions.isPresent()) {
            coverage.expect(partitions.getAsInt());
            streams.start();
            return;
        }
        LOGGER.atWarn().addKeyValue("topics", settings.topics()).log("transaction view waits for its topics");
        Thread thread = new Thread(new TopicWaiter(settings, coverage, streams::start), "transaction-view-waiter");
        thread.setDaemon(true);
        waiter = thread;
        thread.start();
    }

    @Override
    public LookupResult find(String transactionId) {
        coverage.unavailable().ifPresent(reason -> {
            throw new LookupUnavailableException(reason);
        });
        try {
            return reader.find(transactionId);
        } catch (InvalidStateStoreException e) {
            throw new LookupUnavailableException("the transaction view store is not queryable now", e);
        }
    }

    @Override
    public List<String> transactionsOf(String participantId, Instant from, Instant to, int limit) {
        coverage.unavailable().ifPresent(reason -> {
            throw new LookupUnavailableException(reason);
        });
        try {
            return reader.transactionsOf(participantId, from, to, limit);
        } catch (InvalidStateStoreException e) {
            throw new LookupUnavailableException("the transaction view store is not queryable now", e);
        }
    }

    private ReadOnlyKeyValueStore<String, ViewEntry> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                TransactionViewTopology.STORE, QueryableStoreTypes.keyValueStore()));
    }

    /** The Streams state, for health checks and tests. */
    public State state() {
        return streams.state();
    }

    static Properties properties(ViewSettings settings) {
        Properties props = new Properties();
        props.putAll(settings.kafkaClient());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // merges are idempotent (first record wins, generations only grow), so a replay after a crash is harmless
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // the processor writes both topics in Kafka transactions: never show an aborted record or envelope
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    @Override
    public void close() {
        Thread thread = waiter;
        if (thread != null) {
            thread.interrupt();
        }
        // leave the group: the next start of this replica (its own application id) need not wait for the session
        // timeout of this member before it gets every partition
        streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        serdes.close();
    }
}
