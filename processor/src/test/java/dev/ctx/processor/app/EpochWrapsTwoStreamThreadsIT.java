package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.format.DekWrap;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * Epoch wraps with {@code num.stream.threads=2} on a real broker under {@code exactly_once_v2}: both threads run
 * tasks, every task seals with epochs of its own (no epoch id shows up on two partitions), no (enc, sequence) pair
 * repeats across threads, and every wrap opens to its input.
 */
class EpochWrapsTwoStreamThreadsIT {

    private static final int TRANSACTIONS = 3_000;
    private static final List<String> POOL = List.of("client-1", "miner-1", "miner-2", "miner-3");

    private final String scope = SharedKafka.uniqueName("two-threads-it");
    private final ProcessorFixture fixture = new ProcessorFixture(MockSchemaRegistry.URL_PREFIX + scope, POOL);

    @AfterEach
    void dropScope() {
        fixture.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void eachTaskOnEitherThreadSealsWithItsOwnEpochsAndNoEncAndSequencePairRepeats() throws Exception {
        // Given
        fixture.prepare();
        Map<String, String> config = fixture.config("two-threads");
        config.put(ProcessorConfig.NUM_STREAM_THREADS_CONFIG, "2");
        Map<String, Transaction> inputs = generate();
        try (ProcessorApplication application = ProcessorApplication.start(ProcessorConfig.of(config))) {
            // When
            fixture.produce(List.copyOf(inputs.values()));
            Map<String, EncryptedTransaction> encrypted = fixture.readCommittedOnePerKey(
                    fixture.topics.encrypted(),
                    TRANSACTIONS,
                    fixture.serdes.encrypted().deserializer(),
                    EncryptedTransaction::getTransactionId);
            List<ConsumerRecord<byte[], byte[]>> envelopes = TopicReader.readAll(
                    fixture.bootstrap,
                    fixture.topics.envelopes(),
                    IsolationLevel.READ_COMMITTED,
                    TRANSACTIONS,
                    ProcessorFixture.TIMEOUT);

            // Then
            assertThat(threadsWithInputPartitions())
                    .as("stream threads holding input partitions")
                    .isEqualTo(2);
            assertThat(envelopes).hasSize(TRANSACTIONS);
            Set<String> pairs = new HashSet<>();
            Map<String, Integer> partitionOfEpoch = new HashMap<>();
            int wraps = 0;
            for (ConsumerRecord<byte[], byte[]> record : envelopes) {
                Envelope envelope = fixture.serdes
                        .envelope()
                        .deserializer()
                        .deserialize(fixture.topics.envelopes(), record.value());
                byte[] expected = Opening.encode(
                        ConfidentialFields.ofTransaction().project(inputs.get(envelope.getTransactionId())));
                for (RecipientWrap wrap : envelope.getWraps()) {
                    DekWrap parsed =
                            DekWrap.parse(wrap.getRecipientId(), wrap.getKeyVersion(), Opening.bytes(wrap.getWrap()));
                    assertThat(parsed.isEpoch()).isTrue();
                    pairs.add(HexFormat.of().formatHex(parsed.enc()) + ":" + parsed.sequence());
                    Integer before = partitionOfEpoch.putIfAbsent(
                            parsed.epochId().orElseThrow().toString(), record.partition());
                    assertThat(before)
                            .as("partition of epoch %s", parsed.epochId().orElseThrow())
                            .isIn(null, record.partition());
                    assertThat(Opening.encode(Opening.open(
                                    encrypted.get(envelope.getTransactionId()),
                                    envelope,
                                    fixture.keys.privateKey(wrap.getRecipientId()))))
                            .isEqualTo(expected);
                    wraps++;
                }
            }
            assertThat(pairs).as("(enc, sequence) pairs of %d wraps", wraps).hasSize(wraps);
            assertThat(Set.copyOf(partitionOfEpoch.values()))
                    .as("partitions (tasks) that sealed")
                    .hasSize(3);
        }
    }

    /** Members of the application's consumer group (one per stream thread) that are assigned an input partition. */
    private long threadsWithInputPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(fixture.applicationId))
                    .all()
                    .get()
                    .get(fixture.applicationId);
            return group.members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(fixture.topics.transactions())))
                    .count();
        }
    }

    private static Map<String, Transaction> generate() {
        TransactionGenerator generator = new TransactionGenerator(
                new GeneratorSettings("two-threads", POOL, 2, 4, 1.0, 300, 1_767_225_600_000L), 11L);
        Map<String, Transaction> inputs = new HashMap<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            Transaction transaction = generator.next();
            inputs.put(transaction.getTransactionId(), transaction);
        }
        return inputs;
    }
}
