package dev.ctx.keyservice.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.ParticipantStates;
import dev.ctx.keyservice.store.InMemoryParticipantStore;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

class ParticipantDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    private final InMemoryParticipantStore store = new InMemoryParticipantStore();

    @Test
    void theDirectoryReadsTheReplayedRegistryEntry() {
        // Given
        Participant alice =
                Participant.registered(ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of("settlement"), NOW);
        store.commit(
                new ParticipantState(alice, CustodyRecord.empty(ALICE.value())),
                new AccessEvents("key-service/test", Clock.fixed(NOW, ZoneOffset.UTC))
                        .lifecycle(
                                AccessEventType.PARTICIPANT_REGISTERED,
                                ALICE.value(),
                                new AuditContext("operator-1", null, null),
                                List.of(),
                                Map.of()));

        // When
        ParticipantDirectory directory = ParticipantDirectory.of(ParticipantStates.load(store));

        // Then
        assertThat(directory.find("alice")).contains(alice);
        assertThat(directory.find("bob")).as("unknown").isEmpty();
        assertThat(directory.find("not a valid id!")).as("invalid id").isEmpty();
    }
}
