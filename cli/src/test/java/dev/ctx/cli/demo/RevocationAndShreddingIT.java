package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.client.access.error.AccessDeniedException;
import dev.ctx.client.access.error.ShreddedException;
import dev.ctx.client.access.error.UnknownTransactionException;
import dev.ctx.client.byok.ProofOfPossession;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.local.LocalOpener;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * Revocation and crypto-shredding end to end on the real embedded broker: the real key service over HTTP records the
 * commands, the real processor's rewrap topology (the single writer of {@code transactions.envelopes}) applies them,
 * and the access path answers 403 {@code ACCESS_REVOKED} to a revoked participant and 410 {@code SHREDDED} after a
 * shred, while a leaked private key of the revoked participant opens nothing in the newest generation.
 */
class RevocationAndShreddingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINER = "miner-1";
    private static final String CLIENT = "client-1";
    private static final String KEY_HOLDER = "miner-3";
    private static final String PURPOSE = "settlement";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void revokedParticipantsAreRefused403AndShreddedTransactionsAnswer410() throws Exception {
        // Given: key service, participants (miner-3 holds its own key), processor with the rewrap topology on
        DemoPorts ports = new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0);
        try (DemoStack stack = new DemoStack(dir.resolve("stack"), ports)) {
            stack.startKafka();
            stack.startRegistry();
            stack.startKeyService();
            String operatorToken = stack.issueToken("operator-1", "operator", Duration.ofMinutes(30));
            String steppedUp = stack.issueSteppedUpToken("operator-1", "operator", Duration.ofMinutes(30));
            String escrowFingerprint = registerParticipants(stack.operatorClient(operatorToken));
            ParticipantKeyFile ownKey = registerOwnKey(stack);
            Map<String, String> rewrap = new HashMap<>();
            rewrap.put(RewrapKeys.URL_CONFIG, stack.keyServiceUrl());
            rewrap.put(RewrapKeys.TOKEN_CONFIG, operatorToken);
            rewrap.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
            DemoCommand.awaitRunning(stack.startProcessor(escrowFingerprint, rewrap));
            List<String> ids = List.of("txn-revoke", "txn-keyrev", "txn-shred", "txn-erase-1", "txn-erase-2");
            produce(
                    stack,
                    List.of(
                            transaction(ids.get(0), List.of(MINER, CLIENT, KEY_HOLDER)),
                            transaction(ids.get(1), List.of(MINER, KEY_HOLDER)),
                            transaction(ids.get(2), List.of(MINER, CLIENT)),
                            transaction(ids.get(3), List.of(CLIENT, KEY_HOLDER)),
                            transaction(ids.get(4), List.of(CLIENT, MINER))));
            for (String id : ids) {
                SampleAccess.request(stack.accessClient(participantOf(id)), id, PURPOSE, PATIENCE);
            }
            Map<String, Envelope> before = newestEnvelopes(stack);

            // When: miner-3's access to txn-revoke is revoked
            HttpResponse<String> revoked = call(
                    stack,
                    "POST",
                    "/v1/transactions/txn-revoke/revocations",
                    operatorToken,
                    "{\"participantId\":\"" + KEY_HOLDER + "\",\"reason\":\"contract ended\"}");

            // Then: 202 with the command id; the next generation has no wrap of miner-3 and its key opens nothing
            assertThat(revoked.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(revoked.body()).path("commandId").asText()).hasSize(36);
            Envelope afterRevoke = awaitEnvelope(stack, "txn-revoke", e -> e != null && e.getGeneration() == 2);
            assertThat(afterRevoke.getWraps())
                    .extracting(RecipientWrap::getRecipientId)
                    .doesNotContain(KEY_HOLDER);
            EncryptedTransaction record = record(stack, "txn-revoke");
            assertThat(LocalOpener.of(ownKey).open(record, before.get("txn-revoke")))
                    .containsKey("amount");
            assertThatThrownBy(() -> LocalOpener.of(ownKey).open(record, afterRevoke))
                    .as("the revoked participant's private key opens nothing in the newest generation")
                    .isInstanceOf(EnvelopeException.class);
            assertRefused(stack, KEY_HOLDER, "txn-revoke", 403, "ACCESS_REVOKED");
            assertThat(SampleAccess.request(stack.accessClient(CLIENT), "txn-revoke", PURPOSE, PATIENCE)
                            .fields())
                    .containsKey("amount");

            // When: miner-1's key version 1 is revoked (the KEY_REVOKED lifecycle)
            stack.operatorClient(operatorToken).revokeKey(MINER, 1);

            // Then: every envelope loses miner-1's wrap under version 1; miner-1 is refused 403
            Envelope afterKeyRevoke = awaitEnvelope(stack, "txn-keyrev", e -> e != null && e.getGeneration() == 2);
            assertThat(afterKeyRevoke.getWraps())
                    .extracting(RecipientWrap::getRecipientId)
                    .doesNotContain(MINER);
            awaitEnvelope(
                    stack,
                    "txn-shred",
                    e -> e != null
                            && e.getWraps().stream()
                                    .noneMatch(w -> w.getRecipientId().equals(MINER)));
            assertRefused(stack, MINER, "txn-keyrev", 403, "ACCESS_REVOKED");

            // When: txn-shred is shredded; first without step-up, then with it
            HttpResponse<String> notSteppedUp =
                    call(stack, "DELETE", "/v1/transactions/txn-shred", operatorToken, "{\"reason\":\"gdpr\"}");
            HttpResponse<String> noReason = call(stack, "DELETE", "/v1/transactions/txn-shred", steppedUp, "{}");
            HttpResponse<String> shredded =
                    call(stack, "DELETE", "/v1/transactions/txn-shred", steppedUp, "{\"reason\":\"gdpr request 7\"}");
            HttpResponse<String> unknown =
                    call(stack, "DELETE", "/v1/transactions/no-such-txn", steppedUp, "{\"reason\":\"gdpr\"}");

            // Then
            assertThat(notSteppedUp.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(notSteppedUp.body()).path("reason").asText())
                    .isEqualTo("STEP_UP_REQUIRED");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(shredded.statusCode()).isEqualTo(202);
            assertThat(unknown.statusCode()).isEqualTo(404);
            awaitEnvelope(stack, "txn-shred", e -> e == null);
            assertRefused(stack, CLIENT, "txn-shred", 410, "SHREDDED");
            HttpResponse<String> again =
                    call(stack, "DELETE", "/v1/transactions/txn-shred", steppedUp, "{\"reason\":\"gdpr\"}");
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(again.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            Throwable unknownAccess =
                    catchThrowable(() -> stack.accessClient(CLIENT).requestAccess("no-such-txn", PURPOSE));
            assertThat(unknownAccess).isInstanceOf(UnknownTransactionException.class);

            // When: client-1 is erased (GDPR): every transaction listing it is shredded
            HttpResponse<String> erased = call(
                    stack,
                    "POST",
                    "/v1/participants/" + CLIENT + "/erasure",
                    steppedUp,
                    "{\"reason\":\"gdpr erasure of client-1\"}");

            // Then
            assertThat(erased.statusCode()).isEqualTo(202);
            JsonNode erasure = JSON.readTree(erased.body());
            List<String> erasedIds = new ArrayList<>();
            erasure.path("transactions")
                    .forEach(t -> erasedIds.add(t.path("transactionId").asText()));
            assertThat(erasedIds).containsExactlyInAnyOrder("txn-revoke", "txn-erase-1", "txn-erase-2");
            for (String id : erasedIds) {
                awaitEnvelope(stack, id, e -> e == null);
            }
            assertRefused(stack, CLIENT, "txn-erase-1", 410, "SHREDDED");
            List<AccessEvent> applied = events(
                    stack, event -> "applied".equals(event.getAttributes().get("stage")));
            assertThat(applied)
                    .filteredOn(event -> event.getType() == AccessEventType.SHREDDED)
                    .extracting(AccessEvent::getTransactionId)
                    .containsExactlyInAnyOrder("txn-shred", "txn-revoke", "txn-erase-1", "txn-erase-2");
            assertThat(applied)
                    .filteredOn(event -> event.getType() == AccessEventType.ACCESS_REVOKED)
                    .extracting(event -> event.getTransactionId() + ":"
                            + event.getAttributes().get("participant") + ":"
                            + event.getAttributes().get("cause"))
                    .contains("txn-revoke:" + KEY_HOLDER + ":ACCESS_REVOKED", "txn-keyrev:" + MINER + ":KEY_REVOKED");
        }
    }

    private static String participantOf(String id) {
        return id.startsWith("txn-erase") || id.equals("txn-revoke") || id.equals("txn-shred") ? CLIENT : MINER;
    }

    private static void assertRefused(DemoStack stack, String participant, String id, int status, String reason)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            last = catchThrowable(() -> stack.accessClient(participant).requestAccess(id, PURPOSE));
            if (last instanceof AccessDeniedException denied
                    && denied.status() == status
                    && denied.reason().equals(reason)) {
                return;
            }
            if (last instanceof ShreddedException gone
                    && gone.status() == status
                    && gone.reason().equals(reason)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(participant + " on " + id + " was not refused " + status + " " + reason + ": " + last);
    }

    private static HttpResponse<String> call(DemoStack stack, String method, String path, String token, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.keyServiceUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String registerParticipants(KeyServiceClient operator) throws Exception {
        for (String id : List.of(MINER, CLIENT, KEY_HOLDER)) {
            operator.registerParticipant(id, "miner", List.of(PURPOSE));
        }
        for (String id : List.of(MINER, CLIENT)) {
            operator.createKey(id);
        }
        return operator.createEscrowKey().path("fingerprint").asText();
    }

    private ParticipantKeyFile registerOwnKey(DemoStack stack) {
        Path keyFile = dir.resolve(KEY_HOLDER + ".key");
        ParticipantKeyFile generated = ParticipantKeyFile.generate(keyFile, KEY_HOLDER);
        int version;
        try {
            version = ProofOfPossession.register(stack.accessClient(KEY_HOLDER), generated);
        } finally {
            generated.destroy();
        }
        return ParticipantKeyFile.recordKeyVersion(keyFile, version);
    }

    private static void produce(DemoStack stack, List<Transaction> transactions) throws Exception {
        try (TransactionProducer producer = DemoCommand.producer(stack)) {
            producer.produce(transactions.iterator(), transactions.size(), 0, sent -> {});
        }
    }

    private static Envelope awaitEnvelope(DemoStack stack, String id, Predicate<Envelope> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Envelope> newest = newestEnvelopes(stack);
            if (newest.containsKey(id) && done.test(newest.get(id))) {
                return newest.get(id);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the envelope of " + id + " did not reach the expected state within " + PATIENCE);
    }

    /** The newest committed value per transaction id on {@code transactions.envelopes} (null for a tombstone). */
    private static Map<String, Envelope> newestEnvelopes(DemoStack stack) {
        Map<String, Envelope> newest = new HashMap<>();
        try (TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl())) {
            String topic = DemoCommand.topics().envelopes();
            readAll(
                    stack,
                    topic,
                    record -> newest.put(
                            record.key(),
                            record.value() == null
                                    ? null
                                    : serdes.envelope().deserializer().deserialize(topic, record.value())));
        }
        return newest;
    }

    private static EncryptedTransaction record(DemoStack stack, String id) {
        List<EncryptedTransaction> found = new ArrayList<>();
        try (TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl())) {
            String topic = DemoCommand.topics().encrypted();
            readAll(stack, topic, record -> {
                if (id.equals(record.key())) {
                    found.add(serdes.encrypted().deserializer().deserialize(topic, record.value()));
                }
            });
        }
        return found.get(0);
    }

    private static List<AccessEvent> events(DemoStack stack, Predicate<AccessEvent> filter) {
        List<AccessEvent> found = new ArrayList<>();
        try (TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl())) {
            String topic = DemoCommand.topics().accessEvents();
            readAll(stack, topic, record -> {
                AccessEvent event = serdes.accessEvent().deserializer().deserialize(topic, record.value());
                if (filter.test(event)) {
                    found.add(event);
                }
            });
        }
        return found;
    }

    private static void readAll(DemoStack stack, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private static Transaction transaction(String id, List<String> participants) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setJobId("job-7")
                .setTimestamp(Instant.parse("2026-06-01T12:00:00Z"))
                .setStatus(TransactionStatus.CONFIRMED)
                .setAmount(new BigDecimal("1250.50000000"))
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("12.50500000"))
                        .setQuantity(new BigDecimal("100.00000000"))
                        .setFee(new BigDecimal("0.25000000"))
                        .setPricingModel("flat")
                        .setAttributes(Map.of())
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("SEPA")
                        .setAccountReference("DE89-3704-0044")
                        .setSettlementDate(Instant.parse("2026-06-02T09:30:00Z"))
                        .setAttributes(Map.of())
                        .build())
                .setConfidential(true)
                .setParticipants(participants)
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of(PURPOSE))
                        .build())
                .build();
    }
}
