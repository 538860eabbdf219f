package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.encrypt.ConfidentialFields;
import dev.ctx.processor.keys.EscrowId;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.PlaintextScanner;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.processor.topics.EncryptionTopics;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.processor.topics.TopicProvisioner;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.registry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * The whole processor ({@link ProcessorApplication}, as {@code main} runs it) on a real broker under
 * {@code exactly_once_v2}: 10,000 generated transactions, half confidential, with 2 to 5 participants each, plus 100
 * with an unknown participant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionProcessorIT {

    private static final int TRANSACTIONS = 10_000;
    private static final int REJECTED = 100;
    private static final List<String> POOL = List.of("client-1", "client-2", "miner-1", "miner-2", "miner-3",
            "auditor-1");
    private static final String CONFIDENTIAL_PREFIX = "SECRET-";
    private static final BigInteger DECIMAL_BASE = BigInteger.TEN.pow(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String bootstrap = SharedKafka.bootstrapServers();
    private final String scope = SharedKafka.uniqueName("processor-it");
    private final String applicationId = SharedKafka.uniqueName("ctx-encrypt-it");
    private final TopicNames topics = uniqueTopics();
    private final TestKeyrings keys = TestKeyrings.forParticipants(POOL);
    private final Map<String, Transaction> inputs = new HashMap<>();
    private final List<byte[]> plantedDecimals = new ArrayList<>();
    private TopologySerdes serdes;
    private ProcessorApplication application;
    private Map<String, EncryptedTransaction> encrypted;
    private Map<String, Envelope> envelopes;
    private Map<String, AccessEvent> events;
    private List<DeadLetter> deadLetters;
    private long confidentialCount;

    @BeforeAll
    void runTheProcessorOverTenThousandTransactions() throws Exception {
        serdes = TopologySerdes.create(Map.of(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl()));
        createTopics();
        publishKeyrings();
        application = ProcessorApplication.start(ProcessorConfig.of(config()));
        produceTransactions();
        confidentialCount = inputs.values().stream().filter(Transaction::getConfidential).count() - REJECTED;
        encrypted = readCommitted(topics.encrypted(), TRANSACTIONS, serdes.encrypted().deserializer(),
                EncryptedTransaction::getTransactionId);
        envelopes = readCommitted(topics.envelopes(), (int) confidentialCount, serdes.envelope().deserializer(),
                Envelope::getTransactionId);
        events = readCommitted(topics.accessEvents(), (int) confidentialCount, serdes.accessEvent().deserializer(),
                AccessEvent::getTransactionId);
        deadLetters = TopicReader.readAll(bootstrap, topics.deadLetters(), IsolationLevel.READ_COMMITTED, REJECTED,
                TIMEOUT).stream().map(r -> serdes.deadLetter().deserializer().deserialize(topics.deadLetters(),
                        r.value())).toList();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        if (serdes != null) {
            serdes.close();
        }
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aReadCommittedConsumerSeesExactlyOneEncryptedRecordEnvelopeAndEventPerInput() {
        Set<String> confidentialIds = validInputs().filter(Transaction::getConfidential)
                .map(Transaction::getTransactionId).collect(Collectors.toSet());
        assertThat(encrypted.keySet()).isEqualTo(validInputs().map(Transaction::getTransactionId)
                .collect(Collectors.toSet()));
        assertThat(envelopes.keySet()).isEqualTo(confidentialIds);
        assertThat(events.keySet()).isEqualTo(confidentialIds);
        assertThat(events.values()).extracting(AccessEvent::getType).containsOnly(AccessEventType.ENCRYPTED);
        assertThat(confidentialIds).hasSizeBetween(TRANSACTIONS / 3, 2 * TRANSACTIONS / 3);
    }

    @Test
    void everyConfidentialRecordOpensToExactlyItsInputFieldsForEveryParticipantAndTheEscrow() {
        ConfidentialFields fields = ConfidentialFields.ofTransaction();
        validInputs().filter(Transaction::getConfidential).forEach(input -> {
            String id = input.getTransactionId();
            byte[] expected = Opening.encode(fields.project(input));
            List<String> recipients = envelopes.get(id).getWraps().stream().map(RecipientWrap::getRecipientId)
                    .toList();
            assertThat(recipients).containsExactlyInAnyOrderElementsOf(Stream.concat(
                    input.getParticipants().stream(), Stream.of(EscrowId.RESERVED)).toList());
            for (String recipient : recipients) {
                GenericRecord opened = Opening.open(encrypted.get(id), envelopes.get(id), keys.privateKey(recipient));
                assertThat(Opening.encode(opened)).as("%s opened by %s", id, recipient).isEqualTo(expected);
            }
        });
    }

    @Test
    void clearTransactionsPassWithTheirFieldsInClear() {
        validInputs().filter(input -> !input.getConfidential()).forEach(input -> {
            EncryptedTransaction output = encrypted.get(input.getTransactionId());
            assertThat(output.getSealed()).isNull();
            assertThat(output.getClear().getAmount()).isEqualTo(input.getAmount());
        });
    }

    @Test
    void transactionsWithAnUnknownParticipantGoToTheDeadLetterTopic() {
        assertThat(deadLetters).hasSize(REJECTED).allSatisfy(letter -> {
            assertThat(letter.getReason()).isEqualTo("UNKNOWN_PARTICIPANT");
            assertThat(letter.getSourceTopic()).isEqualTo(topics.transactions());
        });
    }

    @Test
    void noOutputOrInternalTopicCarriesAConfidentialValue() {
        PlaintextScanner scanner = new PlaintextScanner(CONFIDENTIAL_PREFIX, plantedDecimals);
        List<String> scanned = new ArrayList<>(List.of(topics.encrypted(), topics.envelopes(), topics.accessEvents(),
                topics.deadLetters()));
        scanned.addAll(internalTopics());
        for (String topic : scanned) {
            List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(bootstrap, topic,
                    IsolationLevel.READ_UNCOMMITTED, 0, TIMEOUT);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                assertThat(scanner.find(record.value())).as("%s offset %d", topic, record.offset()).isEmpty();
            }
        }
        assertThat(scanner.find(serdes.transaction().serializer().serialize("probe", firstConfidential())))
                .as("the scanner finds what is planted").isNotEmpty();
    }

    @Test
    void theApplicationHasNoChangelogOrRepartitionTopic() {
        assertThat(internalTopics()).isEmpty();
    }

    @Test
    void thePrometheusEndpointServesProcessorAndKafkaStreamsMetrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + application.metricsPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ctx_processor_transactions_encrypted_total " + confidentialCount + ".0")
                .contains("ctx_processor_dead_letters_total{reason=\"UNKNOWN_PARTICIPANT\"} " + REJECTED + ".0")
                .contains("ctx_processor_seal_latency_seconds_bucket").contains("kafka_stream_");
        assertThat(application.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private Map<String, Object> adminConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    }

    private void createTopics() {
        try (Admin admin = Admin.create(adminConfig())) {
            new TopicProvisioner(admin, 3, (short) 1).ensure(EncryptionTopics.specs(topics), true);
        }
    }

    private void publishKeyrings() throws Exception {
        try (KafkaProducer<String, Object> producer = producer(serdes.keyring().serializer())) {
            for (var keyring : keys.all().entrySet()) {
                producer.send(new ProducerRecord<>(topics.participantKeys(), keyring.getKey(), keyring.getValue()));
            }
            producer.flush();
        }
    }

    private void produceTransactions() {
        TransactionGenerator generator = new TransactionGenerator(new GeneratorSettings("it", POOL, 2, 5, 0.5, 300,
                1_767_225_600_000L), 20_261_124L);
        try (KafkaProducer<String, Object> producer = producer(serdes.transaction().serializer())) {
            for (int i = 0; i < TRANSACTIONS + REJECTED; i++) {
                Transaction transaction = plant(generator.next(), i);
                if (i >= TRANSACTIONS) {
                    transaction = Transaction.newBuilder(transaction).setConfidential(true)
                            .setParticipants(List.of("client-1", "nobody-" + i)).build();
                }
                inputs.put(transaction.getTransactionId(), transaction);
                producer.send(new ProducerRecord<>(topics.transactions(), transaction.getTransactionId(),
                        transaction));
            }
            producer.flush();
        }
    }

    /** Gives a confidential transaction distinctive decimals (13-byte unscaled values); clear ones keep no marker. */
    private Transaction plant(Transaction transaction, int index) {
        if (!transaction.getConfidential()) {
            return unmarked(transaction);
        }
        BigDecimal amount = planted(1, index);
        Pricing pricing = Pricing.newBuilder(transaction.getPricing()).setUnitPrice(planted(2, index))
                .setQuantity(planted(3, index)).setFee(planted(4, index)).build();
        return Transaction.newBuilder(transaction).setAmount(amount).setPricing(pricing).build();
    }

    private BigDecimal planted(int field, int index) {
        BigInteger unscaled = DECIMAL_BASE.multiply(BigInteger.valueOf(field)).add(BigInteger.valueOf(index * 7919L));
        byte[] bytes = unscaled.toByteArray();
        assertThat(bytes).hasSize(13);
        plantedDecimals.add(bytes);
        return new BigDecimal(unscaled, 8);
    }

    private static Transaction unmarked(Transaction transaction) {
        String id = transaction.getTransactionId();
        Pricing pricing = Pricing.newBuilder(transaction.getPricing()).setPricingModel("flat-" + id)
                .setAttributes(Map.of("note", "public-" + id)).build();
        SettlementDetails settlement = SettlementDetails.newBuilder(transaction.getSettlementDetails())
                .setAccountReference("ACC-public-" + id).build();
        return Transaction.newBuilder(transaction).setPricing(pricing).setSettlementDetails(settlement).build();
    }

    private <V> Map<String, V> readCommitted(String topic, int expected, Deserializer<V> deserializer,
            Function<V, String> id) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(bootstrap, topic,
                IsolationLevel.READ_COMMITTED, expected, TIMEOUT);
        assertThat(records).as("records on %s", topic).hasSize(expected);
        Map<String, V> byId = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            V value = deserializer.deserialize(topic, record.value());
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(id.apply(value)).isEqualTo(key);
            assertThat(byId.put(key, value)).as("second record for %s on %s", key, topic).isNull();
        }
        return byId;
    }

    private Stream<Transaction> validInputs() {
        return inputs.values().stream().filter(input -> !input.getParticipants().get(1).startsWith("nobody-"));
    }

    private Transaction firstConfidential() {
        return validInputs().filter(Transaction::getConfidential).findFirst().orElseThrow();
    }

    private List<String> internalTopics() {
        try (Admin admin = Admin.create(adminConfig())) {
            return admin.listTopics().names().get().stream().filter(name -> name.startsWith(applicationId)).toList();
        } catch (Exception e) {
            throw new AssertionError("cannot list topics", e);
        }
    }

    @SuppressWarnings("unchecked")
    private <V> KafkaProducer<String, Object> producer(Serializer<V> serializer) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), (Serializer<Object>) serializer);
    }

    private Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put(ProcessorConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProcessorConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl());
        config.put(ProcessorConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(ProcessorConfig.INSTANCE_ID_CONFIG, "it-1");
        config.put(ProcessorConfig.STATE_DIR_CONFIG, "target/streams-state");
        config.put(ProcessorConfig.METRICS_HOST_CONFIG, "127.0.0.1");
        config.put(ProcessorConfig.METRICS_PORT_CONFIG, "0");
        config.put(ProcessorConfig.TOPICS_CREATE_CONFIG, "false");
        config.put(ProcessorConfig.TOPIC_TRANSACTIONS_CONFIG, topics.transactions());
        config.put(ProcessorConfig.TOPIC_ENCRYPTED_CONFIG, topics.encrypted());
        config.put(ProcessorConfig.TOPIC_ENVELOPES_CONFIG, topics.envelopes());
        config.put(ProcessorConfig.TOPIC_PARTICIPANT_KEYS_CONFIG, topics.participantKeys());
        config.put(ProcessorConfig.TOPIC_ACCESS_EVENTS_CONFIG, topics.accessEvents());
        config.put(ProcessorConfig.TOPIC_DLQ_CONFIG, topics.deadLetters());
        return config;
    }

    private String registryUrl() {
        return MockSchemaRegistry.URL_PREFIX + scope;
    }

    private static TopicNames uniqueTopics() {
        String suffix = SharedKafka.uniqueName("");
        TopicNames defaults = TopicNames.defaults();
        return new TopicNames(defaults.transactions() + suffix, defaults.encrypted() + suffix,
                defaults.envelopes() + suffix, defaults.participantKeys() + suffix, defaults.accessEvents() + suffix,
                defaults.deadLetters() + suffix);
    }
}
