package dev.ctx.keyservice.participants;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

/** Registers participants and updates their registry fields (status, KYC, purposes). Thread-safe. */
public final class ParticipantRegistry {

    private final ParticipantStates states;
    private final AccessEvents events;
    private final Clock clock;

    public ParticipantRegistry(ParticipantStates states, AccessEvents events, Clock clock) {
        this.states = states;
        this.events = events;
        this.clock = Clock.tick(clock, Duration.ofMillis(1)); // the store keeps milliseconds
    }

    /**
     * Registers a new ACTIVE participant without keys.
     *
     * @throws ConflictException if the id is taken
     */
    public Participant register(
            AuditContext context, ParticipantId id, ParticipantRole role, KycStatus kyc, List<String> purposes) {
        if (role == ParticipantRole.ESCROW || role == ParticipantRole.UNKNOWN) {
            throw new IllegalArgumentException("role must be client, miner, auditor or compliance");
        }
        return states.update(id, current -> {
            if (current.isPresent()) {
                throw new ConflictException("participant " + id + " already exists");
            }
            Participant participant = Participant.registered(id, role, kyc, purposes, clock.instant());
            return change(participant, AccessEventType.PARTICIPANT_REGISTERED, context, Map.of("role", role.name()));
        });
    }

    /**
     * Applies a partial update.
     *
     * @throws NotFoundException if the participant does not exist
     * @throws ConflictException if the expected revision is stale
     */
    public Participant update(AuditContext context, ParticipantId id, ParticipantUpdate update) {
        return states.update(id, current -> {
            ParticipantState state =
                    current.orElseThrow(() -> new NotFoundException("participant " + id + " does not exist"));
            Participant updated = update.applyTo(state.participant(), clock.instant());
            return new Change<>(
                    new ParticipantState(updated, state.custody()),
                    events.lifecycle(
                            AccessEventType.PARTICIPANT_UPDATED,
                            id.value(),
                            context,
                            List.of(),
                            Map.of(
                                    "status",
                                    updated.status().name(),
                                    "kycStatus",
                                    updated.kycStatus().name())),
                    updated);
        });
    }

    private Change<Participant> change(
            Participant participant, AccessEventType type, AuditContext context, Map<String, String> attributes) {
        ParticipantState state = new ParticipantState(
                participant, CustodyRecord.empty(participant.id().value()));
        return new Change<>(
                state, events.lifecycle(type, participant.id().value(), context, List.of(), attributes), participant);
    }

    /** @throws NotFoundException if the participant does not exist */
    public Participant get(ParticipantId id) {
        return states.require(id).participant();
    }

    /** All participants, ordered by id (the escrow key's entry included). */
    public List<Participant> list() {
        return states.all().stream().map(ParticipantState::participant).toList();
    }
}
