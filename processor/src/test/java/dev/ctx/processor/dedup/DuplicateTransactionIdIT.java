package dev.ctx.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.Recipient;
import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * On the embedded broker under {@code exactly_once_v2}: the deduplication store survives a restart on a fresh state
 * directory (restored from its changelog), so re-sends after the restart still never touch the first envelope.
 */
class DuplicateTransactionIdIT {

    private static final List<String> PARTICIPANTS = List.of("client-1", "miner-1");

    private final String scope = SharedKafka.uniqueName("dedup-it");
    private final ProcessorFixture fixture = new ProcessorFixture(MockSchemaRegistry.URL_PREFIX + scope, PARTICIPANTS);
    private final TransactionGenerator generator = new TransactionGenerator(
            GeneratorSettings.benchmarkDefault("dedup").withParticipants(PARTICIPANTS, 2, 2), 11L);
    private ProcessorApplication application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        fixture.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void afterARestartARepeatedIdIsStillDroppedOrDeadLetteredAndTheFirstEnvelopeStillOpens() {
        // Given: one transaction sealed by a first instance, which then stops
        fixture.prepare();
        Transaction first =
                Transaction.newBuilder(generator.next()).setConfidential(true).build();
        Transaction later =
                Transaction.newBuilder(generator.next()).setConfidential(true).build();
        application = ProcessorApplication.start(ProcessorConfig.of(fixture.config("dedup-1")));
        fixture.produce(List.of(first));
        EncryptedTransaction encrypted = fixture.readCommittedOnePerKey(
                        fixture.topics.encrypted(),
                        1,
                        fixture.serdes.encrypted().deserializer(),
                        EncryptedTransaction::getTransactionId)
                .get(first.getTransactionId());
        application.close();

        // When: a second instance with an empty state directory gets an identical re-send, a changed one, and a new id
        application = ProcessorApplication.start(ProcessorConfig.of(fixture.config("dedup-2")));
        Transaction changed = Transaction.newBuilder(first)
                .setAmount(first.getAmount().add(BigDecimal.TEN))
                .build();
        fixture.produce(List.of(first, changed, later));

        // Then
        List<DeadLetter> letters = TopicReader.readAll(
                        fixture.bootstrap,
                        fixture.topics.deadLetters(),
                        IsolationLevel.READ_COMMITTED,
                        1,
                        ProcessorFixture.TIMEOUT)
                .stream()
                .map(r ->
                        fixture.serdes.deadLetter().deserializer().deserialize(fixture.topics.deadLetters(), r.value()))
                .toList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.DUPLICATE_TRANSACTION_ID.name());
            assertThat(letter.getTransactionId()).isEqualTo(first.getTransactionId());
        });
        Envelope envelope = fixture.readCommittedOnePerKey(
                        fixture.topics.envelopes(),
                        2,
                        fixture.serdes.envelope().deserializer(),
                        Envelope::getTransactionId)
                .get(first.getTransactionId());
        assertThat(Opening.open(encrypted, envelope, fixture.keys.privateKey(Recipient.ESCROW_ID))
                        .get("amount"))
                .isEqualTo(first.getAmount());
        assertThat(fixture.internalTopics()).anyMatch(name -> name.endsWith("-transaction-ids-changelog"));
    }
}
