package dev.ctx.keyservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

/** The in-memory store keeps the store contract: a commit is all or nothing, and reads back what was committed. */
class InMemoryParticipantStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private final InMemoryParticipantStore store = new InMemoryParticipantStore();
    private final AccessEvents events = new AccessEvents("key-service/test", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCommittedStateAndItsEventReadBack() {
        // Given
        ParticipantState alice = state(List.of("settlement"));
        // When
        store.commit(alice, event());
        // Then
        assertThat(store.load()).isEqualTo(Map.of(ALICE, alice));
        assertThat(store.events())
                .singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo(AccessEventType.PARTICIPANT_REGISTERED));
    }

    @Test
    void aFailedCommitWritesNeitherTheStateNorTheEvent() {
        // Given
        store.commit(state(List.of()), event());
        store.failCommits(1);
        // When
        assertThatThrownBy(() -> store.commit(state(List.of("changed")), event()))
                .isInstanceOf(StoreUnavailableException.class);
        // Then
        assertThat(store.load().get(ALICE).participant().allowedPurposes()).isEmpty();
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void theLastCommitPerParticipantWins() {
        // When
        store.commit(state(List.of()), event());
        store.commit(state(List.of("settlement")), event());
        // Then
        assertThat(store.load().get(ALICE).participant().allowedPurposes()).containsExactly("settlement");
        assertThat(store.events()).hasSize(2);
    }

    private static ParticipantState state(List<String> purposes) {
        Participant participant =
                Participant.registered(ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, purposes, NOW);
        return new ParticipantState(participant, CustodyRecord.empty(ALICE.value()));
    }

    private AccessEvent event() {
        return events.lifecycle(
                AccessEventType.PARTICIPANT_REGISTERED,
                ALICE.value(),
                new AuditContext("operator-1", null, null),
                List.of(),
                Map.of());
    }
}
