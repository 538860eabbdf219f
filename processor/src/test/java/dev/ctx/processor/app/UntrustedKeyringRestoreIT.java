package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.signing.KeyringSigningInput;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * A keyring forged on {@code participant-keys} before the processor starts is refused while the global store is
 * restored (Kafka Streams reprocesses through the verifying processor), on a real broker.
 */
class UntrustedKeyringRestoreIT {

    @Test
    void aForgedKeyringAlreadyOnTheTopicAtStartupDisablesItsParticipant() {
        String scope = SharedKafka.uniqueName("untrusted-restore");
        ProcessorFixture fixture =
                new ProcessorFixture(MockSchemaRegistry.URL_PREFIX + scope, List.of("client-1", "miner-1", "miner-2"));
        try {
            // Given: signed keyrings, then a forgery for miner-2 signed by an attacker's key
            fixture.prepare();
            Ed25519SigningKey attacker = Ed25519SigningKey.generate(new SecureRandom());
            ParticipantKeyring genuine = fixture.keys.unsigned("miner-2");
            ParticipantKeyring forged = ParticipantKeyring.newBuilder(genuine)
                    .setKeys(List.of(TestKeyrings.key(
                            TestKeyrings.KEY_VERSION,
                            KeyStatus.ACTIVE,
                            X25519KeyPair.generate().publicKey().bytes())))
                    .setSignatureKeyId(attacker.verifyingKey().fingerprint())
                    .build();
            fixture.publish(
                    "miner-2",
                    KeyringSigningInput.withSignature(
                            forged, attacker.sign(KeyringSigningInput.canonicalBytes(forged))));
            TransactionGenerator generator = new TransactionGenerator(
                    GeneratorSettings.benchmarkDefault("restore")
                            .withParticipants(List.of("client-1", "miner-1"), 2, 2),
                    3L);
            Transaction trusted = confidential(generator.next());
            Transaction untrusted = Transaction.newBuilder(confidential(generator.next()))
                    .setParticipants(List.of("client-1", "miner-2"))
                    .build();

            // When
            try (ProcessorApplication application =
                    ProcessorApplication.start(ProcessorConfig.of(fixture.config("restore-1")))) {
                fixture.produce(List.of(trusted, untrusted));

                // Then
                Map<String, EncryptedTransaction> encrypted = fixture.readCommittedOnePerKey(
                        fixture.topics.encrypted(),
                        1,
                        fixture.serdes.encrypted().deserializer(),
                        EncryptedTransaction::getTransactionId);
                assertThat(encrypted).containsOnlyKeys(trusted.getTransactionId());
                List<DeadLetter> letters = TopicReader.readAll(
                                fixture.bootstrap,
                                fixture.topics.deadLetters(),
                                IsolationLevel.READ_COMMITTED,
                                1,
                                ProcessorFixture.TIMEOUT)
                        .stream()
                        .map(r -> fixture.serdes
                                .deadLetter()
                                .deserializer()
                                .deserialize(fixture.topics.deadLetters(), r.value()))
                        .toList();
                assertThat(letters).singleElement().satisfies(letter -> {
                    assertThat(letter.getTransactionId()).isEqualTo(untrusted.getTransactionId());
                    assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNTRUSTED_KEYRING.name());
                });
            }
        } finally {
            fixture.close();
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static Transaction confidential(Transaction transaction) {
        return Transaction.newBuilder(transaction).setConfidential(true).build();
    }
}
