package dev.ctx.cli.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.ctx.cli.Ctx;
import dev.ctx.cli.access.LoopbackKeyService;
import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.SumProof;
import dev.ctx.envelope.receipts.SumStatement;
import dev.ctx.processor.encrypt.EncryptedTransactions;
import dev.ctx.processor.encrypt.EnvelopeLibrarySealer;
import dev.ctx.processor.encrypt.Envelopes;
import dev.ctx.processor.encrypt.Receipts;
import dev.ctx.processor.encrypt.SealResult;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.receipts.Receipt;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

/**
 * {@code ctx receipts verify} and {@code prove-sum} against a real broker and registry, with records as the
 * processor's own mapping writes them (sealer with receipts, {@code Receipts.of}).
 */
class ReceiptsCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void verifyAcceptsAnHonestReceiptAndRejectsOneReplayedUnderAnotherTransactionId() throws Exception {
        // Given: txn-a with its receipt, and txn-r carrying txn-a's commitment and proof (a replay)
        Topics topics = new Topics();
        ResolvedRecipient miner = recipient("miner-1", X25519KeyPair.generate().publicKey());
        try (SchemaRegistryServer registry =
                SchemaRegistryServer.builder().build().start()) {
            Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
            Receipt honest = publish(
                    serde,
                    topics,
                    transaction("txn-a", "1250.00000000", List.of("miner-1")),
                    List.of(miner, escrow()),
                    UnaryOperator.identity());
            publish(
                    serde,
                    topics,
                    transaction("txn-r", "7.00000000", List.of("miner-1")),
                    List.of(miner, escrow()),
                    receipt -> {
                        receipt.setCommitment(honest.getCommitment());
                        receipt.setOpeningProof(honest.getOpeningProof());
                        return receipt;
                    });
            // When
            int valid = run(
                    "receipts",
                    "verify",
                    "--txn",
                    "txn-a",
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            int replayed = run(
                    "receipts",
                    "verify",
                    "--txn",
                    "txn-r",
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            int missing = run(
                    "receipts",
                    "verify",
                    "--txn",
                    "txn-none",
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            // Then
            assertThat(valid).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("receipt of txn-a: opening proof valid");
            assertThat(replayed).isEqualTo(ExitCodes.FAILURE);
            assertThat(missing).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString())
                    .contains("the opening proof of transaction txn-r does NOT verify")
                    .contains("no receipt for transaction txn-none");
        }
    }

    @Test
    void proveSumPrintsTheTotalOfTheParticipantsTransactionsAndItsProofVerifies() throws Exception {
        // Given: miner-1's own key; two of its transactions and one of someone else
        Path keyFile = dir.resolve("miner-1.key");
        ParticipantKeyFile.generate(keyFile, "miner-1").destroy();
        ParticipantKeyFile key = ParticipantKeyFile.recordKeyVersion(keyFile, 1);
        ResolvedRecipient miner = recipient("miner-1", key.publicKey());
        ResolvedRecipient other = recipient("client-9", X25519KeyPair.generate().publicKey());
        Topics topics = new Topics();
        try (SchemaRegistryServer registry =
                SchemaRegistryServer.builder().build().start()) {
            Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
            publish(
                    serde,
                    topics,
                    transaction("txn-1", "1250.00000000", List.of("miner-1")),
                    List.of(miner, escrow()),
                    UnaryOperator.identity());
            publish(
                    serde,
                    topics,
                    transaction("txn-2", "0.50000000", List.of("client-9", "miner-1")),
                    List.of(other, miner, escrow()),
                    UnaryOperator.identity());
            publish(
                    serde,
                    topics,
                    transaction("txn-3", "99.00000000", List.of("client-9")),
                    List.of(other, escrow()),
                    UnaryOperator.identity());
            // When
            int exit = run(
                    "receipts",
                    "prove-sum",
                    "--participant",
                    "miner-1",
                    "--since",
                    "2026-11-30T00:00:00Z",
                    "--key-file",
                    keyFile.toString(),
                    "--topic",
                    topics.receipts,
                    "--encrypted-topic",
                    topics.encrypted,
                    "--envelopes-topic",
                    topics.envelopes,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            // Then
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString())
                    .contains("transactions  2 since 2026-11-30T00:00:00Z")
                    .contains("total         1250.50000000 (125050000000 minor units, scale 8)")
                    .contains("verified      true");
        }
    }

    @Test
    void withoutAKeyFileTheKeyServiceProvesTheSumAndTheAnswerIsVerifiedAgainstTheReceipts() throws Exception {
        // Given: two receipts of custodial miner-1 whose openings only the key service (here: the test) knows
        Topics topics = new Topics();
        SecureRandom random = new SecureRandom();
        Opening first = Opening.random(BigInteger.valueOf(125_000_000_000L), random);
        Opening second = Opening.random(BigInteger.valueOf(50_000_000L), random);
        ResolvedRecipient miner = recipient("miner-1", X25519KeyPair.generate().publicKey());
        Path token = Files.writeString(dir.resolve("miner-1.jwt"), "a-token\n");
        Path answerFile = dir.resolve("proof.json");
        List<String> asked = new CopyOnWriteArrayList<>();
        try (SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                LoopbackKeyService keyService = LoopbackKeyService.start()) {
            Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
            publish(
                    serde,
                    topics,
                    transaction("txn-1", "1250.00000000", List.of("miner-1")),
                    List.of(miner, escrow()),
                    committedTo("txn-1", first, random));
            publish(
                    serde,
                    topics,
                    transaction("txn-2", "0.50000000", List.of("miner-1")),
                    List.of(miner, escrow()),
                    committedTo("txn-2", second, random));
            keyService.on("POST", "/v1/receipts/proofs", 200, request -> {
                asked.add(request);
                return sumAnswer(List.of("txn-1", "txn-2"), List.of(first, second), random);
            });
            // When
            int exit = run(
                    "receipts",
                    "prove-sum",
                    "--participant",
                    "miner-1",
                    "--since",
                    "2026-11-30T00:00:00Z",
                    "--url",
                    keyService.url(),
                    "--token-file",
                    token.toString(),
                    "--out",
                    answerFile.toString(),
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            int saved = run(
                    "receipts",
                    "verify",
                    "--proof",
                    answerFile.toString(),
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            Path forged = Files.writeString(
                    dir.resolve("forged.json"), Files.readString(answerFile).replace("125050000000", "125050000001"));
            int tampered = run(
                    "receipts",
                    "verify",
                    "--proof",
                    forged.toString(),
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            // Then
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(asked)
                    .singleElement()
                    .satisfies(body -> assertThat(body)
                            .contains(
                                    "\"kind\":\"sum\"",
                                    "\"participant\":\"miner-1\"",
                                    "\"from\":\"2026-11-30T00:00:00Z\""));
            assertThat(out.toString())
                    .contains("total         1250.50000000 (125050000000 minor units, scale 8)")
                    .contains("verified      true");
            assertThat(saved).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(tampered).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString()).contains("the sum proof does NOT verify");
        }
    }

    @Test
    void aKeyServiceAnswerWhoseCommitmentIsNotTheReceiptsFailsVerification() throws Exception {
        // Given: the answer proves a sum over a commitment other than the one on the receipt
        Topics topics = new Topics();
        SecureRandom random = new SecureRandom();
        Opening onReceipt = Opening.random(BigInteger.valueOf(700_000_000L), random);
        Opening other = Opening.random(BigInteger.valueOf(700_000_000L), random);
        ResolvedRecipient miner = recipient("miner-1", X25519KeyPair.generate().publicKey());
        Path token = Files.writeString(dir.resolve("token.jwt"), "a-token\n");
        try (SchemaRegistryServer registry =
                        SchemaRegistryServer.builder().build().start();
                LoopbackKeyService keyService = LoopbackKeyService.start()) {
            Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
            publish(
                    serde,
                    topics,
                    transaction("txn-7", "7.00000000", List.of("miner-1")),
                    List.of(miner, escrow()),
                    committedTo("txn-7", onReceipt, random));
            keyService.on(
                    "POST", "/v1/receipts/proofs", 200, request -> sumAnswer(List.of("txn-7"), List.of(other), random));
            // When
            int exit = run(
                    "receipts",
                    "prove-sum",
                    "--participant",
                    "miner-1",
                    "--since",
                    "2026-11-30T00:00:00Z",
                    "--url",
                    keyService.url(),
                    "--token-file",
                    token.toString(),
                    "--topic",
                    topics.receipts,
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url());
            // Then
            assertThat(exit).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString())
                    .contains("the commitment the key service answered for transaction txn-7")
                    .contains("is not the one on its receipt");
        }
    }

    /** The receipt of {@code id} committed to {@code opening}, with its opening proof (as the processor makes it). */
    private static UnaryOperator<Receipt> committedTo(String id, Opening opening, SecureRandom random) {
        return receipt -> {
            Commitment commitment = opening.commit();
            receipt.setCommitment(ByteBuffer.wrap(commitment.toBytes()));
            receipt.setOpeningProof(ByteBuffer.wrap(
                    OpeningProof.prove(id, commitment, opening, random).toBytes()));
            return receipt;
        };
    }

    /** The key service's answer to a sum request over {@code ids}, proven from {@code openings}. */
    private static String sumAnswer(List<String> ids, List<Opening> openings, SecureRandom random) {
        BigInteger total = openings.stream().map(Opening::value).reduce(BigInteger.ZERO, BigInteger::add);
        List<SumStatement.Entry> entries = IntStream.range(0, ids.size())
                .mapToObj(
                        i -> new SumStatement.Entry(ids.get(i), openings.get(i).commit()))
                .toList();
        byte[] proof = SumProof.prove(new SumStatement("miner-1", entries, total), openings, random)
                .toBytes();
        Base64.Encoder base64 = Base64.getEncoder();
        String transactions = entries.stream()
                .map(e -> "{\"transactionId\":\"" + e.transactionId() + "\",\"commitment\":\""
                        + base64.encodeToString(e.commitment().toBytes()) + "\"}")
                .collect(Collectors.joining(","));
        return "{\"kind\":\"sum\",\"scheme\":\"ctx-receipts/v1\",\"participant\":\"miner-1\",\"transactions\":["
                + transactions + "],\"total\":\"" + total + "\",\"amountScale\":8,\"proof\":\""
                + base64.encodeToString(proof) + "\",\"eventId\":\"event-1\"}";
    }

    private int run(String... args) {
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static final class Topics {
        final String encrypted = SharedKafka.uniqueName("cli-receipts-encrypted");
        final String envelopes = SharedKafka.uniqueName("cli-receipts-envelopes");
        final String receipts = SharedKafka.uniqueName("cli-receipts-receipts");
    }

    private static ResolvedRecipient recipient(String id, X25519PublicKey key) {
        return new ResolvedRecipient(id, RecipientType.PARTICIPANT, 1, key);
    }

    private static ResolvedRecipient escrow() {
        return new ResolvedRecipient(
                "__escrow", RecipientType.ESCROW, 1, X25519KeyPair.generate().publicKey());
    }

    private static Receipt publish(
            Map<String, Object> serde,
            Topics topics,
            Transaction transaction,
            List<ResolvedRecipient> recipients,
            UnaryOperator<Receipt> change)
            throws Exception {
        SealResult sealed = EnvelopeLibrarySealer.create().seal(transaction, recipients);
        Receipt receipt = change.apply(
                Receipts.of(transaction, sealed, "processor/it", Instant.now()).get(0));
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
                                .serializer());
                KafkaProducer<String, Receipt> receipts = new KafkaProducer<>(
                        config,
                        new StringSerializer(),
                        ConfluentAvroSerdes.forClass(Receipt.class, serde, false)
                                .serializer())) {
            String id = transaction.getTransactionId();
            envelopes
                    .send(new ProducerRecord<>(
                            topics.envelopes, id, Envelopes.firstGeneration(id, sealed, Instant.now())))
                    .get();
            encrypted
                    .send(new ProducerRecord<>(topics.encrypted, id, EncryptedTransactions.sealed(transaction, sealed)))
                    .get();
            receipts.send(new ProducerRecord<>(topics.receipts, id, receipt)).get();
        }
        return receipt;
    }

    private static Transaction transaction(String id, String amount, List<String> participants) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setJobId("job-1")
                .setTimestamp(Instant.parse("2026-11-30T10:15:30Z"))
                .setStatus(TransactionStatus.CONFIRMED)
                .setAmount(new BigDecimal(amount))
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
