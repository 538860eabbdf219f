package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.ApiFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;

/**
 * A second instance with the same transactional id fences the first, which then refuses writes and fails its probes.
 */
class FencedInstanceIT {

    @TempDir
    Path dir;

    @Test
    void fencedInstanceRefusesWritesAndReportsItselfDead() {
        try (ApiFixture api = ApiFixture.start(dir, Clock.systemUTC())) {
            // Given
            assertThat(api.operator("POST", "/v1/participants", "{\"id\":\"alice\",\"role\":\"client\"}")
                            .statusCode())
                    .isEqualTo(201);
            // When: a newer instance starts with the same transactional id
            try (KafkaParticipantStore newer = KafkaParticipantStore.open(
                    api.service.config,
                    api.service.serde(ParticipantKeyring.class),
                    api.service.serde(AccessEvent.class))) {
                newer.signWith(api.service.signer);
                // Then
                var refused = api.operator("POST", "/v1/participants", "{\"id\":\"bob\",\"role\":\"client\"}");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("store-unavailable");
                assertThat(api.call("GET", "/health/live", null, null).statusCode())
                        .isEqualTo(503);
                assertThat(api.call("GET", "/health/ready", null, null).statusCode())
                        .isEqualTo(503);
                assertThat(newer.load()).containsOnlyKeys(ParticipantId.parse("alice"));
            }
        }
    }
}
