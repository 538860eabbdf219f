package dev.ctx.cli.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.processor.encrypt.EncryptedTransactions;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.Envelopes;
import dev.ctx.processor.encrypt.SealResult;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * {@code ctx consume --key-file}: a BYOK participant opens records of a real broker locally, with the encrypted
 * record and its envelope as the processor's own mapping writes them.
 */
class ConsumeDecryptIT {

    @TempDir
    Path dir;

    @Test
    void participantWithItsOwnKeyFileSeesTheConfidentialFieldsOfItsTransactionsOnly() throws Exception {
        // Given: miner-1's registered key file; txn-a is sealed for it, txn-b only for someone else
        Path keyFile = dir.resolve("miner-1.key");
        ParticipantKeyFile.generate(keyFile, "miner-1").destroy();
        ParticipantKeyFile key = ParticipantKeyFile.recordKeyVersion(keyFile, 1);
        ResolvedRecipient miner = new ResolvedRecipient("miner-1", RecipientType.PARTICIPANT, 1, key.publicKey());
        ResolvedRecipient other = new ResolvedRecipient(
                "client-9",
                RecipientType.PARTICIPANT,
                1,
                X25519KeyPair.generate().publicKey());
        ResolvedRecipient escrow = new ResolvedRecipient(
                "__escrow", RecipientType.ESCROW, 1, X25519KeyPair.generate().publicKey());
        String encryptedTopic = SharedKafka.uniqueName("cli-decrypt-encrypted");
        String envelopesTopic = SharedKafka.uniqueName("cli-decrypt-envelopes");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (SchemaRegistryServer registry =
                SchemaRegistryServer.builder().build().start()) {
            Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
            publish(
                    serde,
                    encryptedTopic,
                    envelopesTopic,
                    transaction("txn-a", List.of("miner-1", "client-9")),
                    List.of(miner, other, escrow));
            publish(
                    serde,
                    encryptedTopic,
                    envelopesTopic,
                    transaction("txn-b", List.of("client-9")),
                    List.of(other, escrow));
            CommandLine commandLine = Ctx.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));

            // When
            int exit = commandLine.execute(
                    "consume",
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url(),
                    "--topic",
                    encryptedTopic,
                    "--envelopes-topic",
                    envelopesTopic,
                    "--key-file",
                    keyFile.toString(),
                    "-n",
                    "2",
                    "--timeout",
                    "20");

            // Then
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString())
                    .containsPattern("txn-a .*\\{\"amount\":\"1250.00000000\",\"pricing\":\\{")
                    .contains("\"accountReference\":\"DE89-3704\"")
                    .containsPattern("txn-b .*not opened: UnknownRecipientException");
        }
    }

    private static void publish(
            Map<String, Object> serde,
            String encryptedTopic,
            String envelopesTopic,
            Transaction transaction,
            List<ResolvedRecipient> recipients)
            throws Exception {
        SealResult sealed = EnvelopeLibrarySealer.create().seal(transaction, recipients);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, EncryptedTransaction> encrypted = new KafkaProducer<>(
                        config,
                        new StringSerializer(),
                        ConfluentAvroSerdes.forClass(EncryptedTransaction.class, serde, false)
                                .serializer());
                KafkaProducer<String, Envelope> envelopes = new KafkaProducer<>(
                        config,
                        new StringSerializer(),
                        ConfluentAvroSerdes.forClass(Envelope.class, serde, false)
                                .serializer())) {
            String id = transaction.getTransactionId();
            envelopes
                    .send(new ProducerRecord<>(
                            envelopesTopic, id, Envelopes.firstGeneration(id, sealed, Instant.now())))
                    .get();
            encrypted
                    .send(new ProducerRecord<>(encryptedTopic, id, EncryptedTransactions.sealed(transaction, sealed)))
                    .get();
        }
    }

    private static Transaction transaction(String id, List<String> participants) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setJobId("job-1")
                .setTimestamp(Instant.parse("2026-11-30T10:15:30Z"))
                .setStatus(TransactionStatus.CONFIRMED)
                .setAmount(new BigDecimal("1250.00000000"))
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("12.50000000"))
                        .setQuantity(new BigDecimal("100.00000000"))
                        .setFee(new BigDecimal("0.00000000"))
                        .setPricingModel("flat")
                        .setAttributes(Map.of())
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("SEPA")
                        .setAccountReference("DE89-3704")
                        .setAttributes(Map.of())
                        .build())
                .setConfidential(true)
                .setParticipants(participants)
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of("settlement"))
                        .build())
                .build();
    }
}
