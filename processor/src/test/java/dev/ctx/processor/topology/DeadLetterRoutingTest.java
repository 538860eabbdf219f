package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.Recipient;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** Every reason a record goes to {@code transactions.dlq} instead of being encrypted, in a TopologyTestDriver. */
class DeadLetterRoutingTest {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1");
    private static final String CLIENT = "client-1";
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 2, 2), 7L);
    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    /** Changes the keyrings or the transaction so that it must be rejected. */
    @FunctionalInterface
    interface Arrangement {
        Transaction arrange(TopologyHarness harness, TestKeyrings keys, Transaction transaction);
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                rejection(
                        "a participant without a keyring",
                        DeadLetterReason.UNKNOWN_PARTICIPANT,
                        (h, k, t) -> withParticipants(t, CLIENT, "stranger")),
                rejection(
                        "a revoked participant",
                        DeadLetterReason.PARTICIPANT_REVOKED,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                        .setStatus(ParticipantStatus.REVOKED)
                                        .build())),
                rejection(
                        "a suspended participant",
                        DeadLetterReason.PARTICIPANT_INACTIVE,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                        .setStatus(ParticipantStatus.SUSPENDED)
                                        .build())),
                rejection(
                        "a participant with pending KYC",
                        DeadLetterReason.KYC_NOT_VERIFIED,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                        .setKycStatus(KycStatus.PENDING)
                                        .build())),
                rejection(
                        "a participant whose current key is revoked",
                        DeadLetterReason.NO_ACTIVE_KEY,
                        (h, k, t) -> republish(h, t, withKeyStatus(k.keyring(CLIENT), KeyStatus.REVOKED))),
                rejection(
                        "a participant with no key yet",
                        DeadLetterReason.NO_ACTIVE_KEY,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                        .setCurrentVersion(0)
                                        .setKeys(List.of())
                                        .build())),
                rejection(
                        "a participant whose key is not 32 bytes",
                        DeadLetterReason.NO_ACTIVE_KEY,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                        .setKeys(List.of(TestKeyrings.key(
                                                TestKeyrings.KEY_VERSION, KeyStatus.ACTIVE, new byte[31])))
                                        .build())),
                rejection("no escrow keyring", DeadLetterReason.ESCROW_KEY_UNAVAILABLE, (h, k, t) -> {
                    h.keyrings.pipeInput(Recipient.ESCROW_ID, null);
                    return t;
                }),
                rejection(
                        "a revoked escrow keyring",
                        DeadLetterReason.ESCROW_KEY_UNAVAILABLE,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(Recipient.ESCROW_ID))
                                        .setStatus(ParticipantStatus.REVOKED)
                                        .build())),
                rejection(
                        "an escrow keyring without role ESCROW",
                        DeadLetterReason.ESCROW_KEY_UNAVAILABLE,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(Recipient.ESCROW_ID))
                                        .setRole(ParticipantRole.AUDITOR)
                                        .build())),
                rejection(
                        "an escrow keyring whose key is retired",
                        DeadLetterReason.ESCROW_KEY_UNAVAILABLE,
                        (h, k, t) -> republish(h, t, withKeyStatus(k.keyring(Recipient.ESCROW_ID), KeyStatus.RETIRED))),
                rejection(
                        "the escrow id as a participant",
                        DeadLetterReason.RESERVED_PARTICIPANT_ID,
                        (h, k, t) -> withParticipants(t, CLIENT, Recipient.ESCROW_ID)),
                rejection("no participants", DeadLetterReason.NO_PARTICIPANTS, (h, k, t) -> withParticipants(t)),
                rejection(
                        "an all-zero (low-order) participant key",
                        DeadLetterReason.SEAL_FAILED,
                        (h, k, t) -> republish(
                                h,
                                t,
                                ParticipantKeyring.newBuilder(k.keyring(CLIENT))
                                        .setKeys(List.of(TestKeyrings.key(
                                                TestKeyrings.KEY_VERSION, KeyStatus.ACTIVE, new byte[32])))
                                        .build())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rejections")
    void rejectsToTheDeadLetterTopicWithItsReason(String problem, DeadLetterReason reason, Arrangement arrangement) {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = arrangement.arrange(harness, keys, generator.next());

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        TestRecord<String, DeadLetter> letter = harness.deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(transaction.getTransactionId());
        assertDeadLetter(letter.value(), transaction.getTransactionId(), reason, 0L);
        assertThat(letter.value().getDetail())
                .doesNotContain(marker(transaction))
                .doesNotContain(transaction.getAmount().toPlainString());
        assertNothingEncrypted();
        assertThat(harness.deadLetterCount(reason.name())).isEqualTo(1.0);
    }

    @Test
    void anUndecodableKeyringDisablesItsParticipantInsteadOfKeepingTheOldKey() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        harness.rawKeyrings.pipeInput(bytes(CLIENT), bytes("revoked, but written by a broken producer"));
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        assertDeadLetter(
                harness.deadLetters.readValue(),
                transaction.getTransactionId(),
                DeadLetterReason.UNTRUSTED_KEYRING,
                0L);
        assertNothingEncrypted();
    }

    @Test
    void rejectsARecordWhoseKeyIsNotItsTransactionId() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput("another-id", transaction);

        // Then
        assertDeadLetter(
                harness.deadLetters.readValue(), transaction.getTransactionId(), DeadLetterReason.KEY_MISMATCH, 0L);
        assertNothingEncrypted();
    }

    @Test
    void rejectsATombstone() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);

        // When
        harness.transactions.pipeInput("txn-gone", null);

        // Then
        assertDeadLetter(harness.deadLetters.readValue(), "txn-gone", DeadLetterReason.UNDECODABLE_RECORD, 0L);
        assertNothingEncrypted();
    }

    @Test
    void rejectsBytesThatAreNotConfluentFramedAvroAndContinues() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction next = generator.next();

        // When
        harness.rawTransactions.pipeInput(bytes("txn-bad"), bytes("{\"amount\": 12.5}"));
        harness.transactions.pipeInput(next.getTransactionId(), next);

        // Then
        assertDeadLetter(harness.deadLetters.readValue(), "txn-bad", DeadLetterReason.UNDECODABLE_RECORD, 0L);
        assertThat(harness.encrypted.readValue().getTransactionId()).isEqualTo(next.getTransactionId());
        assertThat(harness.deadLetterCount(DeadLetterReason.UNDECODABLE_RECORD.name()))
                .isEqualTo(1.0);
    }

    @Test
    void rejectsATruncatedAvroBody() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        byte[] whole = harness.serdes.transaction().serializer().serialize("transactions", transaction);

        // When
        harness.rawTransactions.pipeInput(bytes(transaction.getTransactionId()), Arrays.copyOf(whole, 40));

        // Then
        assertDeadLetter(
                harness.deadLetters.readValue(),
                transaction.getTransactionId(),
                DeadLetterReason.UNDECODABLE_RECORD,
                0L);
        assertNothingEncrypted();
    }

    @Test
    void rejectsAnUnknownSchemaIdAsSchemaMismatch() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        byte[] framed =
                ByteBuffer.allocate(9).put((byte) 0).putInt(424_242).putInt(7).array();

        // When
        harness.rawTransactions.pipeInput(bytes("txn-unknown-schema"), framed);

        // Then
        assertDeadLetter(harness.deadLetters.readValue(), "txn-unknown-schema", DeadLetterReason.SCHEMA_MISMATCH, 0L);
        assertNothingEncrypted();
    }

    @Test
    void rejectsAWriterSchemaThatCannotBeReadAsATransactionAsSchemaMismatch() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        ParticipantKeyring notATransaction = keys.keyring(CLIENT);
        byte[] framed = harness.serdes.keyring().serializer().serialize("elsewhere", notATransaction);

        // When
        harness.rawTransactions.pipeInput(bytes("txn-wrong-schema"), framed);

        // Then
        assertDeadLetter(harness.deadLetters.readValue(), "txn-wrong-schema", DeadLetterReason.SCHEMA_MISMATCH, 0L);
        assertNothingEncrypted();
    }

    @Test
    void aSchemaRegistryOutageFailsTheTaskInsteadOfDeadLetteringAGoodRecord() {
        // Given
        harness = TopologyHarness.startWithRegistry(
                EncryptionMode.OPT_IN,
                Map.of("schema.registry.url", "http://127.0.0.1:1", "schema.registry.retry.max.attempts", "1"));
        Transaction transaction = generator.next();
        String producerScope = "outage-" + transaction.getTransactionId();
        byte[] framed = ConfluentAvroSerdes.forClass(
                        Transaction.class,
                        Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + producerScope),
                        false)
                .serialize(harness.topics.transactions(), transaction);
        MockSchemaRegistry.dropScope(producerScope);

        // When / Then
        assertThatThrownBy(() -> harness.rawTransactions.pipeInput(bytes(transaction.getTransactionId()), framed))
                .isInstanceOf(StreamsException.class);
        assertThat(harness.deadLetters.isEmpty()).isTrue();
        assertNothingEncrypted();
    }

    @Test
    void rejectsAnUnexpectedProcessingFailureWithoutQuotingItsMessage() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN, (transaction, recipients) -> {
                    throw new IllegalStateException("cannot handle " + transaction.getAmount());
                })
                .publish(keys);
        Transaction transaction = generator.next();
        Transaction next =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        harness.transactions.pipeInput(next.getTransactionId(), next);

        // Then
        DeadLetter letter = harness.deadLetters.readValue();
        assertDeadLetter(letter, transaction.getTransactionId(), DeadLetterReason.PROCESSING_FAILED, 0L);
        assertThat(letter.getDetail()).isEqualTo("processing failed: IllegalStateException");
        assertThat(harness.encrypted.readValue().getTransactionId()).isEqualTo(next.getTransactionId());
        assertThat(harness.envelopes.isEmpty()).isTrue();
        assertThat(harness.accessEvents.readValuesToList())
                .extracting(AccessEvent::getType)
                .containsExactly(AccessEventType.PASSED_IN_CLEAR);
    }

    @Test
    void keepsTheSourceOffsetOfEveryRejectedRecord() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        List<Long> offsets = new ArrayList<>();

        // When
        for (int i = 0; i < 3; i++) {
            Transaction transaction = withParticipants(generator.next(), "stranger-" + i);
            harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        }

        // Then
        harness.deadLetters.readValuesToList().forEach(letter -> offsets.add(letter.getSourceOffset()));
        assertThat(offsets).containsExactly(0L, 1L, 2L);
    }

    private void assertDeadLetter(DeadLetter letter, String transactionId, DeadLetterReason reason, long offset) {
        assertThat(letter.getReason()).isEqualTo(reason.name());
        assertThat(letter.getTransactionId()).isEqualTo(transactionId);
        assertThat(letter.getSourceTopic()).isEqualTo(harness.topics.transactions());
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isEqualTo(offset);
        assertThat(letter.getTimestamp()).isEqualTo(TopologyHarness.NOW);
        assertThat(letter.getSource()).isEqualTo(TopologyHarness.SOURCE);
        assertThat(letter.getDetail()).isNotBlank();
        assertThat(harness.deadLetters.isEmpty()).isTrue();
    }

    private void assertNothingEncrypted() {
        assertThat(harness.encrypted.isEmpty()).as("encrypted").isTrue();
        assertThat(harness.envelopes.isEmpty()).as("envelopes").isTrue();
        assertThat(harness.accessEvents.isEmpty()).as("access events").isTrue();
    }

    private static Arguments rejection(String problem, DeadLetterReason reason, Arrangement arrangement) {
        return Arguments.of(problem, reason, arrangement);
    }

    private static Transaction republish(TopologyHarness harness, Transaction transaction, ParticipantKeyring keyring) {
        harness.keyrings.pipeInput(keyring.getParticipantId(), TestKeyrings.sign(keyring));
        return transaction;
    }

    private static ParticipantKeyring withKeyStatus(ParticipantKeyring keyring, KeyStatus status) {
        return ParticipantKeyring.newBuilder(keyring)
                .setKeys(keyring.getKeys().stream()
                        .map(key -> key.getVersion() == keyring.getCurrentVersion()
                                ? TestKeyrings.key(key.getVersion(), status, Opening.bytes(key.getPublicKey()))
                                : key)
                        .toList())
                .build();
    }

    private static Transaction withParticipants(Transaction transaction, String... participants) {
        return Transaction.newBuilder(transaction)
                .setParticipants(List.of(participants))
                .build();
    }

    private static String marker(Transaction transaction) {
        return TransactionGenerator.plantedMarker(transaction.getTransactionId());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
