package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SchemaFingerprint;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.PlaintextScanner;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.schemaregistry.RegisteredSchema;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.leaks.CapturedLogs;
import dev.ctx.testkit.leaks.LeakScanner;

/**
 * The whole processor ({@link ProcessorApplication}, as {@code main} runs it) on a real broker under
 * {@code exactly_once_v2}: 10,000 generated transactions, half confidential, with 2 to 5 participants each, plus 100
 * with an unknown participant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionProcessorIT {

    private static final int TRANSACTIONS = 10_000;
    private static final int REJECTED = 100;
    private static final List<String> POOL =
            List.of("client-1", "client-2", "miner-1", "miner-2", "miner-3", "auditor-1");
    private static final String CONFIDENTIAL_PREFIX = "SECRET-";
    private static final BigInteger DECIMAL_BASE = BigInteger.TEN.pow(30);

    private final String scope = SharedKafka.uniqueName("processor-it");
    private final ProcessorFixture fixture = new ProcessorFixture(MockSchemaRegistry.URL_PREFIX + scope, POOL);
    private final Map<String, Transaction> inputs = new HashMap<>();
    private final List<byte[]> plantedDecimals = new ArrayList<>();
    private final CapturedLogs logs = CapturedLogs.start("encryption-processor-it");
    private ProcessorApplication application;
    private Map<String, EncryptedTransaction> encrypted;
    private Map<String, Envelope> envelopes;
    private Map<String, AccessEvent> events;
    private List<DeadLetter> deadLetters;
    private long confidentialCount;

    @BeforeAll
    void runTheProcessorOverTenThousandTransactions() {
        fixture.prepare();
        application = ProcessorApplication.start(ProcessorConfig.of(fixture.config("it-1")));
        fixture.produce(generateTransactions());
        confidentialCount =
                inputs.values().stream().filter(Transaction::getConfidential).count() - REJECTED;
        encrypted = fixture.readCommittedOnePerKey(
                fixture.topics.encrypted(),
                TRANSACTIONS,
                fixture.serdes.encrypted().deserializer(),
                EncryptedTransaction::getTransactionId);
        envelopes = fixture.readCommittedOnePerKey(
                fixture.topics.envelopes(),
                (int) confidentialCount,
                fixture.serdes.envelope().deserializer(),
                Envelope::getTransactionId);
        events = fixture.readCommittedOnePerKey(
                fixture.topics.accessEvents(),
                TRANSACTIONS,
                fixture.serdes.accessEvent().deserializer(),
                AccessEvent::getTransactionId);
        deadLetters = TopicReader.readAll(
                        fixture.bootstrap,
                        fixture.topics.deadLetters(),
                        IsolationLevel.READ_COMMITTED,
                        REJECTED,
                        ProcessorFixture.TIMEOUT)
                .stream()
                .map(r ->
                        fixture.serdes.deadLetter().deserializer().deserialize(fixture.topics.deadLetters(), r.value()))
                .toList();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        logs.close();
        fixture.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aReadCommittedConsumerSeesExactlyOneEncryptedRecordEnvelopeAndEventPerInput() {
        Set<String> confidentialIds = validInputs()
                .filter(Transaction::getConfidential)
                .map(Transaction::getTransactionId)
                .collect(Collectors.toSet());
        assertThat(encrypted.keySet())
                .isEqualTo(validInputs().map(Transaction::getTransactionId).collect(Collectors.toSet()));
        assertThat(envelopes.keySet()).isEqualTo(confidentialIds);
        assertThat(events.keySet()).isEqualTo(encrypted.keySet());
        events.forEach((id, event) -> assertThat(event.getType())
                .as(id)
                .isEqualTo(confidentialIds.contains(id) ? AccessEventType.ENCRYPTED : AccessEventType.PASSED_IN_CLEAR));
        assertThat(confidentialIds).hasSizeBetween(TRANSACTIONS / 3, 2 * TRANSACTIONS / 3);
    }

    @Test
    void everyConfidentialRecordOpensToExactlyItsInputFieldsForEveryParticipantAndTheEscrow() {
        ConfidentialFields fields = ConfidentialFields.ofTransaction();
        validInputs().filter(Transaction::getConfidential).forEach(input -> {
            String id = input.getTransactionId();
            byte[] expected = Opening.encode(fields.project(input));
            List<String> recipients = envelopes.get(id).getWraps().stream()
                    .map(RecipientWrap::getRecipientId)
                    .toList();
            assertThat(recipients)
                    .containsExactlyInAnyOrderElementsOf(
                            Stream.concat(input.getParticipants().stream(), Stream.of(Recipient.ESCROW_ID))
                                    .toList());
            for (String recipient : recipients) {
                GenericRecord opened =
                        Opening.open(encrypted.get(id), envelopes.get(id), fixture.keys.privateKey(recipient));
                assertThat(Opening.encode(opened))
                        .as("%s opened by %s", id, recipient)
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void theSealedSchemaSubjectHoldsTheSchemaWhoseFingerprintEveryCiphertextBinds() {
        // Given: what a consumer without our code would do (docs/topics-and-records.md)
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(scope);
        RegisteredSchema published = registry.getLatestVersion("dev.ctx.schemas.transaction.ConfidentialFields");

        // When
        byte[] fingerprint = SchemaFingerprint.of(published.schema(), FormatVersion.CURRENT);

        // Then
        assertThat(published.schema())
                .isEqualTo(ConfidentialFields.ofTransaction().schema());
        List<EncryptedTransaction> sealed =
                encrypted.values().stream().filter(e -> e.getSealed() != null).toList();
        assertThat(sealed)
                .hasSize((int) confidentialCount)
                .allSatisfy(record -> assertThat(bytesOf(record.getSealed().getSchemaFingerprint()))
                        .isEqualTo(fingerprint));
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
            assertThat(letter.getSourceTopic()).isEqualTo(fixture.topics.transactions());
        });
    }

    @Test
    void noOutputOrInternalTopicCarriesAConfidentialValue() {
        PlaintextScanner scanner = new PlaintextScanner(CONFIDENTIAL_PREFIX, plantedDecimals);
        List<String> scanned = new ArrayList<>(List.of(
                fixture.topics.encrypted(),
                fixture.topics.envelopes(),
                fixture.topics.accessEvents(),
                fixture.topics.deadLetters()));
        scanned.addAll(fixture.internalTopics());
        for (String topic : scanned) {
            List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(
                    fixture.bootstrap, topic, IsolationLevel.READ_UNCOMMITTED, 0, ProcessorFixture.TIMEOUT);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                assertThat(scanner.find(record.value()))
                        .as("%s offset %d", topic, record.offset())
                        .isEmpty();
            }
        }
        assertThat(scanner.find(fixture.serdes.transaction().serializer().serialize("probe", firstConfidential())))
                .as("the scanner finds what is planted")
                .isNotEmpty();
    }

    @Test
    void theLeakScanFindsNoMarkerDecimalOrPrivateKeyInAnyTopicStateDirectoryOrLog() {
        // Given: what must never appear outside the input topic
        LeakScanner scanner = LeakScanner.create().plantedValue("confidential marker", CONFIDENTIAL_PREFIX);
        plantedDecimals.stream().limit(8).forEach(d -> scanner.secret("planted decimal", d));
        fixture.keys.privateKeyBytes().forEach((id, key) -> scanner.secret("private key of " + id, key));
        List<String> topics = fixture.outputAndInternalTopics();
        // When
        scanner.allTopics(fixture.bootstrap, topics::contains)
                .directory(Path.of("target/streams-state/it-1"))
                .log("processor", logs.text());
        // Then
        assertThat(scanner.scanned()).containsAll(topics).contains(fixture.topics.deadLetters());
        scanner.assertNoLeaks();
        assertThat(LeakScanner.create()
                        .plantedValue("confidential marker", CONFIDENTIAL_PREFIX)
                        .allTopics(fixture.bootstrap, fixture.topics.transactions()::equals)
                        .findings())
                .as("the scan finds the markers in the plaintext input topic")
                .isNotEmpty();
    }

    @Test
    void theOnlyInternalTopicIsTheDeduplicationStoresChangelog() {
        assertThat(fixture.internalTopics()).containsExactly(fixture.applicationId + "-transaction-ids-changelog");
    }

    @Test
    void thePrometheusEndpointServesProcessorAndKafkaStreamsMetrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + application.metricsPort() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("ctx_processor_transactions_encrypted_total " + confidentialCount + ".0")
                .contains("ctx_processor_dead_letters_total{reason=\"UNKNOWN_PARTICIPANT\"} " + REJECTED + ".0")
                .contains("ctx_processor_seal_latency_seconds_bucket")
                .contains("kafka_stream_");
        assertThat(application.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private List<Transaction> generateTransactions() {
        TransactionGenerator generator = new TransactionGenerator(
                new GeneratorSettings("it", POOL, 2, 5, 0.5, 300, 1_767_225_600_000L), 20_261_124L);
        List<Transaction> generated = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS + REJECTED; i++) {
            Transaction transaction = plant(generator.next(), i);
            if (i >= TRANSACTIONS) {
                transaction = Transaction.newBuilder(transaction)
                        .setConfidential(true)
                        .setParticipants(List.of("client-1", "nobody-" + i))
                        .build();
            }
            inputs.put(transaction.getTransactionId(), transaction);
            generated.add(transaction);
        }
        return generated;
    }

    /** Gives a confidential transaction distinctive decimals (13-byte unscaled values); clear ones keep no marker. */
    private Transaction plant(Transaction transaction, int index) {
        if (!transaction.getConfidential()) {
            return unmarked(transaction);
        }
        BigDecimal amount = planted(1, index);
        Pricing pricing = Pricing.newBuilder(transaction.getPricing())
                .setUnitPrice(planted(2, index))
                .setQuantity(planted(3, index))
                .setFee(planted(4, index))
                .build();
        return Transaction.newBuilder(transaction)
                .setAmount(amount)
                .setPricing(pricing)
                .build();
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
        Pricing pricing = Pricing.newBuilder(transaction.getPricing())
                .setPricingModel("flat-" + id)
                .setAttributes(Map.of("note", "public-" + id))
                .build();
        SettlementDetails settlement = SettlementDetails.newBuilder(transaction.getSettlementDetails())
                .setAccountReference("ACC-public-" + id)
                .build();
        return Transaction.newBuilder(transaction)
                .setPricing(pricing)
                .setSettlementDetails(settlement)
                .build();
    }

    private Stream<Transaction> validInputs() {
        return inputs.values().stream()
                .filter(input -> !input.getParticipants().get(1).startsWith("nobody-"));
    }

    private Transaction firstConfidential() {
        return validInputs().filter(Transaction::getConfidential).findFirst().orElseThrow();
    }
}
