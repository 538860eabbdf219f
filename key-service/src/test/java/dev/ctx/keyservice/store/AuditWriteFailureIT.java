package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.testkit.kafka.SharedKafka;

class AuditWriteFailureIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);

    @TempDir
    Path dir;

    @Test
    void whenTheAccessEventCannotBeWrittenTheOperationFailsAndNothingChanges() throws Exception {
        // Given: the broker refuses every access event (128-byte limit: room for transaction markers, not for an event)
        StoreTopics topics =
                StoreTopics.withSuffix("-" + UUID.randomUUID().toString().substring(0, 8));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.accessEvents(), Optional.empty(), Optional.empty())
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "128"))))
                    .all()
                    .get();
        }
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC(), topics)) {
            ParticipantId alice = ParticipantId.parse("alice");
            // When / Then
            assertThatThrownBy(() -> service.registry.register(
                            OPERATOR, alice, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> service.registry.get(alice)).isInstanceOf(NotFoundException.class);
            service.restart();
            assertThat(service.registry.list()).isEmpty();
        }
    }
}
