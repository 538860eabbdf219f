package dev.ctx.processor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store that holds its puts until the commit: what the store below (and so the changelog) sees, and when. The
 * last test is the one that fails if Kafka Streams stops calling {@code flushCache} at the commit.
 */
class CommitTimeKeyValueStoreTest {

    /** A mutable value: the store must write it as it is at the commit, not as it was put. */
    private static final Serde<AtomicLong> COUNTER = Serdes.serdeFrom(
            (topic, value) -> value == null ? null : new LongSerializer().serialize(topic, value.get()),
            (topic, bytes) -> bytes == null ? null : new AtomicLong(new LongDeserializer().deserialize(topic, bytes)));

    private KeyValueStore<String, AtomicLong> below;
    private CommitTimeKeyValueStore<String, AtomicLong> store;

    @BeforeEach
    void openStore() {
        below = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counters"), Serdes.String(), COUNTER)
                .withLoggingDisabled()
                .build();
        store = new CommitTimeKeyValueStore<>(below);
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void aPutReachesTheStoreBelowOnlyAtTheCommitWithTheValueAsItIsThen() {
        // Given
        AtomicLong counter = new AtomicLong(1);
        store.put("a", counter);
        counter.set(7);

        // Then: nothing below yet, but a read sees the pending value
        assertThat(below.get("a")).isNull();
        assertThat(store.get("a")).hasValue(7);

        // When
        store.flushCache();

        // Then
        assertThat(below.get("a")).hasValue(7);
        assertThat(store.get("a")).hasValue(7);
    }

    @Test
    void clearCacheDropsWhatATaskClosedWithoutCommittingHadPut() {
        // Given
        store.put("a", new AtomicLong(1));
        store.flushCache();
        store.put("a", new AtomicLong(2));
        store.put("b", new AtomicLong(3));

        // When
        store.clearCache();
        store.flushCache();

        // Then
        assertThat(store.get("a")).hasValue(1);
        assertThat(store.get("b")).isNull();
        assertThat(below.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void iteratingWritesPendingPutsThroughFirst() {
        // Given
        store.put("b", new AtomicLong(2));
        store.put("a", new AtomicLong(1));

        // When
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, AtomicLong> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }

        // Then
        assertThat(keys).containsExactly("a", "b");
        assertThat(below.get("b")).hasValue(2);
    }

    static Stream<Arguments> operationsThatReachTheStoreBelow() {
        return Stream.of(
                Arguments.of("range", (Consumer<KeyValueStore<String, AtomicLong>>)
                        s -> s.range("a", "z").close()),
                Arguments.of(
                        "count", (Consumer<KeyValueStore<String, AtomicLong>>) KeyValueStore::approximateNumEntries),
                Arguments.of("putIfAbsent", (Consumer<KeyValueStore<String, AtomicLong>>)
                        s -> s.putIfAbsent("z", new AtomicLong(9))),
                Arguments.of("putAll", (Consumer<KeyValueStore<String, AtomicLong>>)
                        s -> s.putAll(List.of(KeyValue.pair("z", new AtomicLong(9))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsThatReachTheStoreBelow")
    void everyOperationThatReachesTheStoreBelowWritesPendingPutsFirst(
            String operation, Consumer<KeyValueStore<String, AtomicLong>> call) {
        // Given
        store.put("a", new AtomicLong(1));

        // When
        call.accept(store);

        // Then
        assertThat(below.get("a")).hasValue(1);
    }

    @Test
    void operationsOfTheStoreBelowSeeThePendingPuts() {
        // Given
        store.put("a", new AtomicLong(1));

        // When / Then
        assertThat(store.putIfAbsent("a", new AtomicLong(5))).hasValue(1);
        assertThat(store.approximateNumEntries()).isEqualTo(1);
        store.putAll(List.of(KeyValue.pair("z", new AtomicLong(9))));
        assertThat(below.get("z")).hasValue(9);
    }

    @Test
    void aStoreWithoutChangelogIsRefusedWhenBuilt() {
        CommitTimeStoreBuilder<String, AtomicLong> builder = new CommitTimeStoreBuilder<>(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counters"), Serdes.String(), COUNTER)
                        .withLoggingDisabled());

        assertThat(builder.loggingEnabled()).isFalse();
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itIsTheStoreBelowInNameDurabilityAndLifeAndClosingDropsWhatIsPending() {
        // Given
        store.put("a", new AtomicLong(1));

        // Then
        assertThat(store.name()).isEqualTo("counters");
        assertThat(store.persistent()).isEqualTo(below.persistent()).isFalse();
        assertThat(store.managesOffsets()).isEqualTo(below.managesOffsets());
        assertThat(store.isOpen()).isTrue();

        // When
        store.close();

        // Then
        assertThat(store.isOpen()).isFalse();
        assertThat(below.isOpen()).isFalse();
    }

    @Test
    void aDeleteRemovesThePendingAndTheStoredValue() {
        // Given
        store.put("a", new AtomicLong(1));
        store.flushCache();
        store.put("a", new AtomicLong(2));

        // When
        AtomicLong removed = store.delete("a");
        store.flushCache();

        // Then
        assertThat(removed).hasValue(2);
        assertThat(store.get("a")).isNull();
        assertThat(below.get("a")).isNull();
    }

    @Test
    void theBuilderRefusesTheRecordCacheAndAStoreWithoutChangelog() {
        CommitTimeStoreBuilder<String, AtomicLong> builder = new CommitTimeStoreBuilder<>(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counters"), Serdes.String(), COUNTER));

        assertThatThrownBy(builder::withCachingEnabled).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(builder::withLoggingDisabled).isInstanceOf(UnsupportedOperationException.class);
        assertThat(builder.loggingEnabled()).isTrue();
    }

    @Test
    void kafkaStreamsWritesEachKeyOnceToTheChangelogWhenTheTaskCommits() {
        // Given: a processor that puts a counter, then bumps it twice more, for each record
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("count", Bumping::new, "in");
        topology.addStateStore(
                new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore("counters"), Serdes.String(), COUNTER)),
                "count");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "commit-time");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, String> in =
                    driver.createInputTopic("in", new StringSerializer(), new StringSerializer());

            // When: two records, each committed by the driver after it is processed
            in.pipeInput("k", "x");
            in.pipeInput("k", "y");

            // Then: one changelog record per commit, with the counter as it was at the commit
            List<TestRecord<String, Long>> changelog = driver.createOutputTopic(
                            "commit-time-counters-changelog", new StringDeserializer(), new LongDeserializer())
                    .readRecordsToList();
            assertThat(changelog)
                    .extracting(record -> KeyValue.pair(record.key(), record.value()))
                    .containsExactly(KeyValue.pair("x", 3L), KeyValue.pair("y", 3L));
        }
    }

    private static final class Bumping implements Processor<String, String, Void, Void> {

        private KeyValueStore<String, AtomicLong> counters;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            counters = context.getStateStore("counters");
        }

        @Override
        public void process(Record<String, String> record) {
            AtomicLong counter = new AtomicLong(1);
            counters.put(record.value(), counter);
            counter.incrementAndGet();
            counters.put(record.value(), counters.get(record.value()));
            counter.incrementAndGet();
        }
    }
}
