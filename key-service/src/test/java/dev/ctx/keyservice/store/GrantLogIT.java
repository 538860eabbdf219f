package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.grants.GrantRequest;
import dev.ctx.keyservice.grants.GrantState;
import dev.ctx.keyservice.grants.GrantTable;
import dev.ctx.keyservice.grants.GrantValidator;
import dev.ctx.keyservice.grants.Grants;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.testing.AccessLog;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessGrant;
import dev.ctx.testkit.kafka.SharedKafka;

/**
 * Grants on the real broker: each grant and revocation is one transaction with its access event, the book is rebuilt
 * from {@code access-grants} (read_committed), and another replica's follower sees the same grants.
 */
class GrantLogIT {

    private static final AuditContext OFFICER = new AuditContext("officer-1", "10.0.0.1", "ctx-test");
    private static final AuditContext OPERATOR = new AuditContext("operator-1", "10.0.0.2", "ctx-test");
    private static final Instant NOT_BEFORE = Instant.now().minusSeconds(60);
    private static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(7));

    @TempDir
    Path dir;

    @Test
    void grantsAndRevocationsSurviveARestartAndCommitTogetherWithTheirEvents() {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given
            GrantTable otherTable = new GrantTable();
            GrantTable table = new GrantTable();
            GrantFollower replica = GrantFollower.start(service.config, grantSerde(service), otherTable);
            GrantFollower own = GrantFollower.start(service.config, grantSerde(service), table);
            try {
                Grants grants = grants(service, table);
                // When
                GrantState kept = grants.create(OFFICER, request("auditor-7", "txn-1"));
                GrantState revoked = grants.create(OFFICER, request("auditor-8", "txn-2"));
                grants.revoke(OPERATOR, revoked.grantId());
                // Then: another replica's follower sees both, one of them revoked
                awaitRevoked(otherTable, revoked.grantId());
                assertThat(otherTable.get(kept.grantId()))
                        .hasValueSatisfying(s -> assertThat(s).isEqualTo(kept));
            } finally {
                own.close();
                replica.close();
            }
            // When: a restart rebuilds the book from the topic
            GrantTable rebuilt = replayed(service);
            // Then
            assertThat(rebuilt.list(null))
                    .containsExactlyInAnyOrderElementsOf(table.list(null))
                    .hasSize(2);
            assertThat(rebuilt.list("auditor-8")).singleElement().satisfies(state -> {
                assertThat(state.isRevoked()).isTrue();
                assertThat(state.revokedBy()).isEqualTo("operator-1");
            });
            List<AccessEvent> events = AccessLog.read(service).stream()
                    .filter(e -> e.getType() == AccessEventType.GRANT_CREATED
                            || e.getType() == AccessEventType.GRANT_REVOKED)
                    .toList();
            assertThat(events)
                    .extracting(AccessEvent::getType)
                    .containsExactly(
                            AccessEventType.GRANT_CREATED,
                            AccessEventType.GRANT_CREATED,
                            AccessEventType.GRANT_REVOKED);
            assertThat(events.get(2).getSubject())
                    .isEqualTo(rebuilt.list("auditor-8").get(0).grantId());
            assertThat(events.get(2).getAttributes())
                    .containsEntry("grantee", "auditor-8")
                    .containsEntry("scope", "transactions:txn-2");
        }
    }

    @Test
    void abortedTransactionLeavesNeitherTheGrantNorItsEvent() throws Exception {
        // Given: the broker refuses every access event, so the transaction holding the grant record aborts
        StoreTopics topics =
                StoreTopics.withSuffix("-" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.accessEvents(), Optional.empty(), Optional.empty())
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "128"))))
                    .all()
                    .get();
        }
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC(), topics)) {
            GrantTable table = new GrantTable();
            Grants grants = grants(service, table);
            // When
            assertThatThrownBy(() -> grants.create(OFFICER, request("auditor-7", "txn-1")))
                    .isInstanceOf(StoreUnavailableException.class);
            // Then
            assertThat(table.size()).isZero();
            assertThat(uncommittedRecords(service, topics.accessGrants()))
                    .as("the grant record was sent")
                    .isPositive();
            assertThat(replayed(service).size()).isZero();
            assertThat(AccessLog.read(service)).isEmpty();
        }
    }

    @Test
    void followerForgetsAGrantWhoseRecordIsTombstonedOrUnreadable() throws Exception {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given
            GrantTable table = new GrantTable();
            Grants grants = grants(service, table);
            GrantState tombstoned = grants.create(OFFICER, request("auditor-7", "txn-1"));
            GrantState garbled = grants.create(OFFICER, request("auditor-7", "txn-2"));
            GrantTable followed = new GrantTable();
            GrantFollower follower = GrantFollower.start(service.config, grantSerde(service), followed);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                assertThat(followed.size()).isEqualTo(2);
                // When
                String topic = service.config.topics().accessGrants();
                producer.send(new ProducerRecord<>(topic, tombstoned.grantId(), null))
                        .get();
                producer.send(new ProducerRecord<>(topic, garbled.grantId(), new byte[] {0, 0, 0, 0, 9}))
                        .get();
                // Then
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (followed.size() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(followed.size()).as("no record, no access").isZero();
            } finally {
                follower.close();
            }
        }
    }

    /** The book as a restarted instance replays it from the topic. */
    private static GrantTable replayed(StoreFixture service) {
        GrantTable table = new GrantTable();
        GrantFollower.start(service.config, grantSerde(service), table).close();
        return table;
    }

    private static Grants grants(StoreFixture service, GrantTable table) {
        return new Grants(
                table,
                service.store.grantLog(grantSerde(service)),
                new GrantValidator(Duration.ofDays(90)),
                new AccessEvents("key-service/test", Clock.systemUTC()),
                Clock.systemUTC());
    }

    private static Serde<AccessGrant> grantSerde(StoreFixture service) {
        return service.serde(AccessGrant.class);
    }

    private static GrantRequest request(String grantee, String transactionId) {
        return new GrantRequest(
                grantee, List.of(transactionId), null, null, null, "audit", List.of("amount"), NOT_BEFORE, NOT_AFTER);
    }

    private static void awaitRevoked(GrantTable table, String grantId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (table.get(grantId).map(s -> !s.isRevoked()).orElse(true) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(table.get(grantId))
                .as("the follower saw the revocation")
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
    }

    /** How many records the topic holds when aborted transactions are read too (read_uncommitted). */
    private static long uncommittedRecords(StoreFixture service, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        service.config.clientProperties().get("bootstrap.servers"),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_uncommitted"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count == 0 && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
