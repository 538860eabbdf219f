package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.ctx.processor.app.ProcessorApplication;
import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.config.RewrapKeys;
import dev.ctx.processor.testing.Opening;
import dev.ctx.processor.testing.ProcessorFixture;
import dev.ctx.processor.testing.TopicReader;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.topics.CleanupPolicy;
import dev.ctx.schemas.topics.TopicProvisioner;
import dev.ctx.schemas.topics.TopicSpec;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.data.GeneratorSettings;
import dev.ctx.testkit.data.TransactionGenerator;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * The processor main wiring on the shared broker with {@code rewrap.key.service.url} pointing at a loopback HTTP
 * server that answers {@code POST /v1/rewrap} as the key service does (real keys, real rewrapper).
 */
class RewrapProcessorIT {

    private static final int TRANSACTIONS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String scope = SharedKafka.uniqueName("rewrap-it");
    private final ProcessorFixture fixture =
            new ProcessorFixture(MockSchemaRegistry.URL_PREFIX + scope, List.of("alice", "bob"));
    private final RotatingKeys keys = new RotatingKeys(fixture.keys);
    private final InProcessRewrapClient keyService = new InProcessRewrapClient(keys);
    private HttpServer server;
    private ProcessorApplication application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
        if (server != null) {
            server.stop(0);
        }
        fixture.close();
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aRotationRewritesEveryEnvelopeOfTheParticipantAtTheNextGenerationWithOneRewrappedEvent() throws Exception {
        // Given a processor with the rewrap topology on, and sealed transactions of alice and bob
        startKeyService();
        fixture.prepare();
        Map<String, String> config = new HashMap<>(fixture.config("rewrap-it-1"));
        config.put(
                RewrapKeys.URL_CONFIG, "http://127.0.0.1:" + server.getAddress().getPort());
        config.put(RewrapKeys.TOKEN_CONFIG, "operator-token");
        config.put(RewrapKeys.INTERVAL_MS_CONFIG, "200");
        config.put(RewrapKeys.APPLICATION_ID_CONFIG, SharedKafka.uniqueName("ctx-rewrap-it"));
        // topics.create=false in the fixture: the progress topic is provisioned like the others
        String progressTopic = SharedKafka.uniqueName("rewrap-progress");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap))) {
            new TopicProvisioner(admin, 1, (short) 1)
                    .ensure(List.of(new TopicSpec(progressTopic, CleanupPolicy.COMPACT)), true);
        }
        config.put(RewrapKeys.PROGRESS_TOPIC_CONFIG, progressTopic);
        application = ProcessorApplication.start(ProcessorConfig.of(config));
        fixture.produce(transactions());
        Map<String, EncryptedTransaction> encrypted = fixture.readCommittedOnePerKey(
                fixture.topics.encrypted(),
                TRANSACTIONS,
                fixture.serdes.encrypted().deserializer(),
                EncryptedTransaction::getTransactionId);
        encrypted.values().forEach(keyService::knows);

        // When alice rotates
        ParticipantKeyring rotated = keys.rotate("alice");
        fixture.publish("alice", rotated);

        // Then every envelope gets generation 2 with alice on the new version, opening with the new key
        List<Envelope> envelopes = read(fixture.topics.envelopes(), 2 * TRANSACTIONS).stream()
                .map(value -> fixture.serdes.envelope().deserializer().deserialize(fixture.topics.envelopes(), value))
                .toList();
        Map<String, Envelope> second = new HashMap<>();
        envelopes.stream().filter(e -> e.getGeneration() == 2).forEach(e -> second.put(e.getTransactionId(), e));
        assertThat(envelopes).hasSize(2 * TRANSACTIONS);
        assertThat(second).hasSize(TRANSACTIONS);
        for (Envelope envelope : second.values()) {
            assertThat(EnvelopeIndex.wrapOf(envelope, "alice").orElseThrow().getKeyVersion())
                    .isEqualTo(rotated.getCurrentVersion());
            assertThat(Opening.open(
                            encrypted.get(envelope.getTransactionId()),
                            envelope,
                            keys.privateKey("alice", rotated.getCurrentVersion())))
                    .isNotNull();
        }
        List<AccessEvent> rewrapped = read(fixture.topics.accessEvents(), 2 * TRANSACTIONS).stream()
                .map(value ->
                        fixture.serdes.accessEvent().deserializer().deserialize(fixture.topics.accessEvents(), value))
                .filter(event -> event.getType() == AccessEventType.REWRAPPED)
                .toList();
        assertThat(rewrapped).hasSize(TRANSACTIONS);
    }

    private List<byte[]> read(String topic, int expected) {
        return TopicReader.readAll(
                        fixture.bootstrap, topic, IsolationLevel.READ_COMMITTED, expected, ProcessorFixture.TIMEOUT)
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private List<Transaction> transactions() {
        TransactionGenerator generator = new TransactionGenerator(GeneratorSettings.benchmarkDefault("rw"), 11L);
        List<Transaction> list = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            list.add(Transaction.newBuilder(generator.next())
                    .setParticipants(List.of("alice", "bob"))
                    .setConfidential(true)
                    .build());
        }
        return list;
    }

    private void startKeyService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(HttpRewrapClient.PATH, this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!"Bearer operator-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        List<RewrapItem> items = new ArrayList<>();
        for (JsonNode item : body.get("items")) {
            items.add(new RewrapItem(
                    item.get("transactionId").asText(),
                    item.get("generation").asInt(),
                    RecipientWrap.newBuilder()
                            .setRecipientId(body.get("participantId").asText())
                            .setRecipientType(RecipientType.PARTICIPANT)
                            .setKeyVersion(item.get("wrap").get("keyVersion").asInt())
                            .setWrap(ByteBuffer.wrap(Base64.getDecoder()
                                    .decode(item.get("wrap").get("wrap").asText())))
                            .build()));
        }
        List<RewrapResult> results = keyService.rewrap(new RewrapRequest(
                body.get("participantId").asText(), body.get("toVersion").asInt(), items));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("results");
        for (RewrapResult result : results) {
            ObjectNode node = array.addObject();
            node.put("transactionId", result.transactionId());
            node.put("generation", result.generation());
            if (result.error() != null) {
                node.put("error", result.error().name());
            } else {
                ObjectNode wrap = node.putObject("wrap");
                wrap.put("recipientId", result.wrap().getRecipientId());
                wrap.put("keyVersion", result.wrap().getKeyVersion());
                wrap.put(
                        "wrap",
                        Base64.getEncoder()
                                .encodeToString(Opening.bytes(result.wrap().getWrap())));
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(root);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
