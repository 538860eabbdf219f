package dev.ctx.testkit.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * Produce → Streams ({@code exactly_once_v2}) → consume on the real embedded broker, with our Confluent-wire-format
 * Avro serde on both sides: a copy of every transaction and a count per currency, read back with
 * {@code read_committed}.
 */
class ExactlyOnceAvroStreamsIT {

    private static final int TRANSACTIONS = 500;
    private final String scope = SharedKafka.uniqueName("eos-registry");
    private final String input = SharedKafka.uniqueName("eos-transactions");
    private final String copies = SharedKafka.uniqueName("eos-copies");
    private final String counts = SharedKafka.uniqueName("eos-counts");

    @TempDir
    Path stateDir;

    @AfterEach
    void dropRegistryScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void everyInputIsCopiedOnceAndCountedExactlyOnce() throws Exception {
        // Given
        String bootstrap = SharedKafka.bootstrapServers();
        createTopics(bootstrap, input, copies, counts);
        List<Transaction> sent = produce(bootstrap, TRANSACTIONS);

        // When
        try (KafkaStreams streams = new KafkaStreams(topology(), streamsConfig(bootstrap))) {
            streams.start();
            List<Transaction> copied = readCommitted(bootstrap, copies, TRANSACTIONS, serde().deserializer());
            Map<String, Long> expectedCounts =
                    sent.stream().collect(Collectors.groupingBy(Transaction::getCurrency, Collectors.counting()));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(latestPerKey(bootstrap, counts)).isEqualTo(expectedCounts));

            // Then
            assertThat(copied).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    private Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Transaction> transactions = builder.stream(input, Consumed.with(Serdes.String(), serde()));
        transactions.to(copies, Produced.with(Serdes.String(), serde()));
        transactions
                .groupBy((id, transaction) -> transaction.getCurrency(), Grouped.with(Serdes.String(), serde()))
                .count()
                .toStream()
                .to(counts, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    private ConfluentAvroSerde<Transaction> serde() {
        return ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", "mock://" + scope), false);
    }

    private Properties streamsConfig(String bootstrap) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, SharedKafka.uniqueName("eos-app"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    private List<Transaction> produce(String bootstrap, int count) throws Exception {
        TransactionGenerator generator = new TransactionGenerator(GeneratorSettings.benchmarkDefault("eos"), 11);
        List<Transaction> sent = new ArrayList<>();
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Transaction> producer =
                new KafkaProducer<>(config, new StringSerializer(), serde().serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Transaction transaction = generator.next();
                sent.add(transaction);
                acks.add(producer.send(new ProducerRecord<>(input, transaction.getTransactionId(), transaction)));
            }
            producer.flush();
            // a record the broker did not take fails here, not as a short count later
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
        return sent;
    }

    private static <V> List<V> readCommitted(
            String bootstrap, String topic, int atLeast, Deserializer<V> deserializer) {
        return consume(bootstrap, topic, atLeast, deserializer).stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toList());
    }

    private static Map<String, Long> latestPerKey(String bootstrap, String topic) {
        return consume(bootstrap, topic, 0, new LongDeserializer()).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (first, second) -> second));
    }

    private static <V> List<ConsumerRecord<String, V>> consume(
            String bootstrap, String topic, int atLeast, Deserializer<V> deserializer) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                SharedKafka.uniqueName("eos-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && (records.size() < atLeast || emptyPolls < 3)) {
                List<ConsumerRecord<String, V>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(300)).forEach(batch::add);
                emptyPolls = batch.isEmpty() && !records.isEmpty() ? emptyPolls + 1 : 0;
                records.addAll(batch);
            }
        }
        return records;
    }

    private static void createTopics(String bootstrap, String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Arrays.stream(names)
                            .map(name -> new NewTopic(name, 2, (short) 1))
                            .collect(Collectors.toList()))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
