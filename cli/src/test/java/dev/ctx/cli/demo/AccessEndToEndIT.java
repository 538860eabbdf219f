package dev.ctx.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.cli.common.KeyServiceClient;
import dev.ctx.client.access.AccessResult;
import dev.ctx.client.access.error.AccessDeniedException;
import dev.ctx.client.access.error.ParticipantHeldKeyException;
import dev.ctx.client.byok.ProofOfPossession;
import dev.ctx.client.keyfile.ParticipantKeyFile;
import dev.ctx.client.local.LocalOpener;
import dev.ctx.processor.topology.TopologySerdes;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;
import dev.ctx.testkit.data.TransactionProducer;
import dev.ctx.testkit.kafka.BrokerProperties;

/**
 * The read path end to end on the real embedded broker: a plaintext transaction produced to {@code transactions},
 * sealed by the real processor topology, read over HTTPS through the key service's access API by a participant,
 * refused to a non-participant, both decisions committed to {@code access-log.events}, and the same record opened
 * locally by a participant that holds its own key (BYOK, registered with proof of possession before the transaction
 * was produced).
 */
class AccessEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "txn-e2e-1";
    private static final String READER = "miner-1";
    private static final String OUTSIDER = "miner-2";
    private static final String KEY_HOLDER = "miner-3";
    private static final String PURPOSE = "settlement";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void participantReadsOverHttpsOutsiderIsDeniedAndKeyHolderOpensLocally() throws Exception {
        // Given: the key service on HTTPS; miner-1, client-1 and miner-2 with custodial keys, miner-3 with its own
        LoopbackTls tls = LoopbackTls.create(dir.resolve("tls"));
        DemoPorts ports = new DemoPorts(BrokerProperties.freeLoopbackPortPair(), 0, 0, 0);
        try (DemoStack stack = new DemoStack(dir.resolve("stack"), ports)) {
            stack.startKafka();
            stack.startRegistry();
            stack.startKeyService(tls.keyServiceConfig(), tls.clientContext());
            String escrowFingerprint = registerParticipants(stack);
            ParticipantKeyFile ownKey = registerOwnKey(stack);
            // the processor restores the signed keyrings (miner-3's own key among them) before it processes anything
            DemoCommand.awaitRunning(stack.startProcessor(escrowFingerprint));

            // When
            Map.Entry<EncryptedTransaction, Envelope> stored = produceAndAwaitSealed(stack, transaction());
            AccessResult granted = SampleAccess.request(stack.accessClient(READER), ID, PURPOSE, PATIENCE);
            Throwable denied = catchThrowable(() -> stack.accessClient(OUTSIDER).requestAccess(ID, PURPOSE));
            Throwable heldKey =
                    catchThrowable(() -> stack.accessClient(KEY_HOLDER).requestAccess(ID, PURPOSE));
            Map<String, JsonNode> openedLocally = LocalOpener.of(ownKey).open(stored.getKey(), stored.getValue());

            // Then: the participant gets exactly the producer's values of the settlement level's fields
            assertThat(stack.keyServiceUrl()).startsWith("https://127.0.0.1:");
            assertThat(granted.fields()).isEqualTo(Map.of("amount", amount(), "settlementDetails", settlement()));
            assertThat(granted.authorizedBy()).isEqualTo("policy:" + ID);
            // the outsider gets 403 and no data; the key holder is pointed to local opening
            assertThat(denied).isInstanceOf(AccessDeniedException.class).satisfies(e -> {
                assertThat(((AccessDeniedException) e).status()).isEqualTo(403);
                assertThat(((AccessDeniedException) e).reason()).isEqualTo("NOT_A_PARTICIPANT");
            });
            assertThat(heldKey).isInstanceOf(ParticipantHeldKeyException.class).satisfies(e -> {
                assertThat(((ParticipantHeldKeyException) e).status()).isEqualTo(409);
                assertThat(((ParticipantHeldKeyException) e).reason()).isEqualTo("PARTICIPANT_HELD_KEY");
            });
            // the key holder's own key opens every confidential field, exactly as produced
            assertThat(openedLocally)
                    .isEqualTo(Map.of("amount", amount(), "pricing", pricing(), "settlementDetails", settlement()));
            // each decision is one committed event
            List<AccessEvent> decisions = committedDecisions(stack);
            assertThat(decisions)
                    .filteredOn(event -> event.getType() == AccessEventType.ACCESS_GRANTED)
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.getEventId()).isEqualTo(granted.eventId());
                        assertThat(event.getRequester()).isEqualTo(READER);
                        assertThat(event.getPurpose()).isEqualTo(PURPOSE);
                        assertThat(event.getAuthorizedBy()).isEqualTo("policy:" + ID);
                        assertThat(event.getDataAccessed()).containsExactlyInAnyOrder("amount", "settlementDetails");
                    });
            assertThat(decisions)
                    .filteredOn(event -> OUTSIDER.equals(event.getRequester()))
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.getType()).isEqualTo(AccessEventType.ACCESS_DENIED);
                        assertThat(event.getReason()).startsWith("NOT_A_PARTICIPANT");
                        assertThat(event.getDataAccessed()).isEmpty();
                    });
            assertThat(stored.getValue().getWraps())
                    .anySatisfy(wrap -> assertThat(wrap.getRecipientId()).isEqualTo(KEY_HOLDER));
        }
    }

    private static String registerParticipants(DemoStack stack) throws Exception {
        KeyServiceClient operator =
                stack.operatorClient(stack.issueToken("operator-1", "operator", Duration.ofMinutes(10)));
        for (String id : List.of(READER, "client-1", OUTSIDER, KEY_HOLDER)) {
            operator.registerParticipant(id, "miner", List.of(PURPOSE));
        }
        for (String id : List.of(READER, "client-1", OUTSIDER)) {
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

    private static Map.Entry<EncryptedTransaction, Envelope> produceAndAwaitSealed(
            DemoStack stack, Transaction transaction) throws Exception {
        try (TransactionProducer producer = DemoCommand.producer(stack)) {
            producer.produce(List.of(transaction).iterator(), 1, 0, sent -> {});
        }
        try (TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl());
                OutputCounter output = new OutputCounter(
                        stack.bootstrapServers(),
                        DemoCommand.topics(),
                        serdes,
                        encrypted -> ID.equals(encrypted.getTransactionId()))) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Optional<Map.Entry<EncryptedTransaction, Envelope>> found = output.sample();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                found = output.sample();
            }
            return found.orElseThrow(() -> new AssertionError(ID + " was not sealed within " + PATIENCE));
        }
    }

    private static List<AccessEvent> committedDecisions(DemoStack stack) {
        try (TopologySerdes serdes = DemoCommand.serdes(stack.registryUrl())) {
            CommittedAccessEvents events = new CommittedAccessEvents(
                    stack.bootstrapServers(),
                    DemoCommand.topics().accessEvents(),
                    serdes.accessEvent().deserializer());
            return events.await(
                    event -> ID.equals(event.getTransactionId())
                            && (event.getType() == AccessEventType.ACCESS_GRANTED
                                    || OUTSIDER.equals(event.getRequester())),
                    2,
                    PATIENCE);
        }
    }

    private static Transaction transaction() {
        return Transaction.newBuilder()
                .setTransactionId(ID)
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
                        .setAttributes(Map.of("desk", "d-4"))
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("SEPA")
                        .setAccountReference("DE89-3704-0044")
                        .setSettlementDate(Instant.parse("2026-06-02T09:30:00Z"))
                        .setAttributes(Map.of("batch", "b-9"))
                        .build())
                .setConfidential(true)
                .setParticipants(List.of(READER, "client-1", KEY_HOLDER))
                .setAccessPolicy(AccessPolicy.newBuilder()
                        .setAllowedPurposes(List.of(PURPOSE))
                        .build())
                .build();
    }

    private static JsonNode amount() {
        return JSON.getNodeFactory().textNode("1250.50000000");
    }

    private static JsonNode pricing() throws Exception {
        return JSON.readTree("{\"unitPrice\":\"12.50500000\",\"quantity\":\"100.00000000\",\"fee\":\"0.25000000\","
                + "\"pricingModel\":\"flat\",\"attributes\":{\"desk\":\"d-4\"}}");
    }

    private static JsonNode settlement() throws Exception {
        return JSON.readTree("{\"method\":\"SEPA\",\"accountReference\":\"DE89-3704-0044\","
                + "\"settlementDate\":\"2026-06-02T09:30:00Z\",\"attributes\":{\"batch\":\"b-9\"}}");
    }
}
