package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.Recipient;
import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.metrics.MicrometerProcessorMetrics;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopologyHarness;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.KeyRef;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;

/** The encryption topology's sealed and clear branches, in a TopologyTestDriver. */
class EncryptionTopologyTest {

    static final List<String> PARTICIPANTS = List.of("client-1", "miner-1", "miner-2");
    private final TestKeyrings keys = TestKeyrings.forParticipants(PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("txn").withParticipants(PARTICIPANTS, 2, 3), 42L);
    private TopologyHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void sealsConfidentialTransactionIntoOneRecordOneEnvelopeAndOneEncryptedEvent() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        TestRecord<String, EncryptedTransaction> encrypted = harness.encrypted.readRecord();
        TestRecord<String, Envelope> envelope = harness.envelopes.readRecord();
        TestRecord<String, AccessEvent> event = harness.accessEvents.readRecord();
        assertThat(List.of(encrypted.key(), envelope.key(), event.key())).containsOnly(transaction.getTransactionId());
        assertThat(harness.encrypted.isEmpty()
                        && harness.envelopes.isEmpty()
                        && harness.accessEvents.isEmpty()
                        && harness.deadLetters.isEmpty())
                .isTrue();
        assertThat(encrypted.value().getConfidential()).isTrue();
        assertThat(encrypted.value().getClear()).isNull();
        assertThat(encrypted.value().getParticipants()).isEqualTo(transaction.getParticipants());
        assertThat(encrypted.value().getCurrency()).isEqualTo(transaction.getCurrency());
    }

    @Test
    void everyParticipantAndTheEscrowOpenExactlyTheInputFields() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        Envelope envelope = harness.envelopes.readValue();
        List<String> recipients =
                envelope.getWraps().stream().map(RecipientWrap::getRecipientId).toList();
        assertThat(recipients).containsExactlyElementsOf(expectedRecipients(transaction));
        for (String recipient : recipients) {
            GenericRecord opened = Opening.open(encrypted, envelope, keys.privateKey(recipient));
            byte[] blinding = ConfidentialFields.receiptBlinding(opened).orElseThrow();
            byte[] expected = Opening.encode(ConfidentialFields.ofTransaction().project(transaction, blinding));
            assertThat(Opening.encode(opened))
                    .as("fields opened by %s", recipient)
                    .isEqualTo(expected);
            assertThat(opened.get("amount")).isEqualTo(transaction.getAmount());
        }
    }

    @Test
    void envelopeAndKeyRefsNameEveryRecipientWithItsCurrentKeyVersion() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        Envelope envelope = harness.envelopes.readValue();
        assertThat(envelope.getGeneration()).isEqualTo(1);
        assertThat(envelope.getCreatedAt()).isEqualTo(TopologyHarness.NOW);
        assertThat(envelope.getWraps()).allSatisfy(wrap -> {
            assertThat(wrap.getKeyVersion()).isEqualTo(TestKeyrings.KEY_VERSION);
            assertThat(wrap.getRecipientType())
                    .isEqualTo(
                            Recipient.ESCROW_ID.equals(wrap.getRecipientId())
                                    ? RecipientType.ESCROW
                                    : RecipientType.PARTICIPANT);
        });
        assertThat(encrypted.getSealed().getKeyRefs())
                .extracting(KeyRef::getParticipantId)
                .containsExactlyElementsOf(expectedRecipients(transaction));
    }

    @Test
    void encryptedEventNamesIdsKeyVersionsAndFieldNamesButNoValue() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        AccessEvent event = harness.accessEvents.readValue();
        assertThat(event.getType()).isEqualTo(AccessEventType.ENCRYPTED);
        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.SUCCESS);
        assertThat(event.getTransactionId()).isEqualTo(transaction.getTransactionId());
        assertThat(event.getSource()).isEqualTo(TopologyHarness.SOURCE);
        assertThat(event.getDataAccessed()).containsExactly("amount", "pricing", "settlementDetails");
        assertThat(event.getAttributes().get("participants").split(","))
                .containsExactlyInAnyOrderElementsOf(transaction.getParticipants());
        assertThat(event.getAttributes().get("keyVersions")).contains(Recipient.ESCROW_ID + ":3");
        assertThat(event.toString())
                .doesNotContain(TransactionGenerator.plantedMarker(transaction.getTransactionId()))
                .doesNotContain(transaction.getAmount().toPlainString());
    }

    @Test
    void sealedOutputsCarryNoConfidentialValue() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction = generator.next();
        String marker = TransactionGenerator.plantedMarker(transaction.getTransactionId());

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        List<byte[]> outputs = Stream.of(
                        harness.topics.encrypted(), harness.topics.envelopes(), harness.topics.accessEvents())
                .flatMap(topic -> harness.rawValues(topic).stream())
                .toList();
        assertThat(outputs)
                .hasSize(3)
                .allSatisfy(output -> assertThat(new String(output, StandardCharsets.ISO_8859_1))
                        .doesNotContain(marker));
    }

    @Test
    void passesNonConfidentialTransactionInClearWhenModeIsOptIn() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        assertThat(encrypted.getConfidential()).isFalse();
        assertThat(encrypted.getSealed()).isNull();
        assertThat(encrypted.getClear().getAmount()).isEqualTo(transaction.getAmount());
        assertThat(encrypted.getClear().getPricing()).isEqualTo(transaction.getPricing());
        assertThat(encrypted.getClear().getSettlementDetails()).isEqualTo(transaction.getSettlementDetails());
        assertThat(harness.accessEvents.readValue().getType()).isEqualTo(AccessEventType.PASSED_IN_CLEAR);
        assertThat(harness.envelopes.isEmpty() && harness.accessEvents.isEmpty() && harness.deadLetters.isEmpty())
                .isTrue();
        assertThat(harness.count(MicrometerProcessorMetrics.PASSED_IN_CLEAR)).isEqualTo(1.0);
    }

    @Test
    void auditsAClearPassThroughWithExactlyOnePassedInClearEventNamingIdsAndFieldsButNoValue() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction transaction =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        List<TestRecord<String, AccessEvent>> events = harness.accessEvents.readRecordsToList();
        assertThat(events).hasSize(1);
        AccessEvent event = events.get(0).value();
        assertThat(events.get(0).key()).isEqualTo(transaction.getTransactionId());
        assertThat(event.getType()).isEqualTo(AccessEventType.PASSED_IN_CLEAR);
        assertThat(event.getOutcome()).isEqualTo(AccessOutcome.SUCCESS);
        assertThat(event.getTransactionId()).isEqualTo(transaction.getTransactionId());
        assertThat(event.getSource()).isEqualTo(TopologyHarness.SOURCE);
        assertThat(event.getRequester()).isEqualTo(TopologyHarness.SOURCE);
        assertThat(event.getTimestamp()).isEqualTo(TopologyHarness.NOW);
        assertThat(event.getDataAccessed()).containsExactly("amount", "pricing", "settlementDetails");
        assertThat(event.getAttributes().get("participants").split(","))
                .containsExactlyElementsOf(transaction.getParticipants());
        assertThat(event.getEventId())
                .isNotEqualTo(UUID.nameUUIDFromBytes(("ENCRYPTED|" + harness.topics.transactions() + "|0|0")
                                .getBytes(StandardCharsets.UTF_8))
                        .toString());
        assertThat(new String(
                        harness.serdes.accessEvent().serializer().serialize("x", event), StandardCharsets.ISO_8859_1))
                .doesNotContain(TransactionGenerator.plantedMarker(transaction.getTransactionId()))
                .doesNotContain(transaction.getAmount().toPlainString());
    }

    @Test
    void theSameClearInputGetsTheSamePassedInClearEventId() {
        // Given
        Transaction transaction =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);
        String first = harness.accessEvents.readValue().getEventId();
        harness.close();

        // When
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        assertThat(harness.accessEvents.readValue().getEventId()).isEqualTo(first);
    }

    @Test
    void sealsNonConfidentialTransactionWhenModeIsAlways() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.ALWAYS).publish(keys);
        Transaction transaction =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        assertThat(encrypted.getConfidential()).isTrue();
        assertThat(encrypted.getClear()).isNull();
        assertThat(Opening.open(encrypted, harness.envelopes.readValue(), keys.privateKey(Recipient.ESCROW_ID))
                        .get("amount"))
                .isEqualTo(transaction.getAmount());
        assertThat(harness.accessEvents.readValuesToList())
                .extracting(AccessEvent::getType)
                .containsExactly(AccessEventType.ENCRYPTED);
        assertThat(harness.count(MicrometerProcessorMetrics.PASSED_IN_CLEAR)).isZero();
    }

    @Test
    void countsRecordsInAndOutEncryptedAndSealLatency() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        Transaction sealed = generator.next();
        Transaction clear =
                Transaction.newBuilder(generator.next()).setConfidential(false).build();

        // When
        harness.transactions.pipeInput(sealed.getTransactionId(), sealed);
        harness.transactions.pipeInput(clear.getTransactionId(), clear);

        // Then
        assertThat(harness.count(MicrometerProcessorMetrics.RECORDS_IN)).isEqualTo(2.0);
        assertThat(harness.count(MicrometerProcessorMetrics.ENCRYPTED)).isEqualTo(1.0);
        assertThat(harness.count(MicrometerProcessorMetrics.PASSED_IN_CLEAR)).isEqualTo(1.0);
        assertThat(harness.registry
                        .get(MicrometerProcessorMetrics.RECORDS_OUT)
                        .tag("topic", "transactions.encrypted")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(harness.registry
                        .get(MicrometerProcessorMetrics.RECORDS_OUT)
                        .tag("topic", "transactions.envelopes")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(harness.registry
                        .get(MicrometerProcessorMetrics.SEAL_LATENCY)
                        .timer()
                        .count())
                .isEqualTo(1L);
    }

    @Test
    void picksUpAKeyRotationFromTheKeyringTopic() {
        // Given
        harness = TopologyHarness.start(EncryptionMode.OPT_IN).publish(keys);
        TestKeyrings rotated = TestKeyrings.forParticipants(PARTICIPANTS);
        harness.publish(rotated);
        Transaction transaction = generator.next();

        // When
        harness.transactions.pipeInput(transaction.getTransactionId(), transaction);

        // Then
        EncryptedTransaction encrypted = harness.encrypted.readValue();
        Envelope envelope = harness.envelopes.readValue();
        String participant = transaction.getParticipants().get(0);
        assertThat(Opening.open(encrypted, envelope, rotated.privateKey(participant))
                        .get("amount"))
                .isEqualTo(transaction.getAmount());
    }

    private static List<String> expectedRecipients(Transaction transaction) {
        List<String> participants =
                transaction.getParticipants().stream().sorted().toList();
        return Stream.concat(participants.stream(), Stream.of(Recipient.ESCROW_ID))
                .toList();
    }
}
