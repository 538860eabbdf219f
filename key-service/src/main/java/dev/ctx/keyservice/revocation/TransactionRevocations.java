package dev.ctx.keyservice.revocation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.lookup.ParticipantTransactions;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.commands.EnvelopeCommand;

/**
 * Accepts revocations and shreds: checks them against the lookup view (404 unknown, 410 already shredded, 409 not a
 * participant of the transaction) and records each command with its access event ({@code ACCESS_REVOKED} or
 * {@code SHREDDED}, attribute {@code stage=requested}) in one Kafka transaction. The envelope itself is changed only
 * by the rewrap topology, which writes the {@code stage=applied} events. Thread-safe.
 */
public final class TransactionRevocations {

    private final TransactionLookup lookup;
    private final ParticipantTransactions byParticipant;
    private final EnvelopeCommandLog log;
    private final AccessEvents events;
    private final Clock clock;
    private final int maxErasure;
    private final boolean revocationNeedsStepUp;

    /**
     * @param maxErasure the most transactions one erasure request shreds (more: 409, nothing shredded)
     * @param revocationNeedsStepUp whether a per-transaction revocation needs step-up ({@code lifecycle.require.mfa});
     *     shredding and erasure always do
     */
    public TransactionRevocations(
            TransactionLookup lookup,
            ParticipantTransactions byParticipant,
            EnvelopeCommandLog log,
            AccessEvents events,
            Clock clock,
            int maxErasure,
            boolean revocationNeedsStepUp) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.byParticipant = Objects.requireNonNull(byParticipant, "byParticipant");
        this.log = Objects.requireNonNull(log, "log");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxErasure = maxErasure;
        this.revocationNeedsStepUp = revocationNeedsStepUp;
    }

    /** Whether {@link #revokeAccess} needs step-up authentication (shred and erase always do). */
    public boolean revocationNeedsStepUp() {
        return revocationNeedsStepUp;
    }

    /** Revokes {@code participant}'s access to {@code transactionId} (its wrap goes in the next generation). */
    public AcceptedCommand revokeAccess(
            AuditContext context, String transactionId, ParticipantId participant, String reason) {
        if (participant.equals(ParticipantId.ESCROW)) {
            throw new RevocationRefusedException(
                    409, "ESCROW_NOT_REVOCABLE", "the escrow wrap is not revoked per transaction");
        }
        LookupResult.Found found = found(transactionId);
        if (!found.transaction().getParticipants().contains(participant.value())) {
            throw new RevocationRefusedException(
                    409,
                    "NOT_A_PARTICIPANT",
                    participant.value() + " is not a participant of transaction " + transactionId);
        }
        EnvelopeCommand command = EnvelopeCommand.revokeAccess(
                transactionId, participant.value(), context.requester(), reason, clock.instant());
        AccessEvent event = requested(
                AccessEventType.ACCESS_REVOKED,
                command,
                context,
                participant.value(),
                Map.of("participant", participant.value()));
        log.commit(List.of(command), List.of(event));
        return new AcceptedCommand(command.commandId(), transactionId, event.getEventId());
    }

    /** Crypto-shreds {@code transactionId} (its envelope is tombstoned). */
    public AcceptedCommand shred(AuditContext context, String transactionId, String reason) {
        found(transactionId);
        EnvelopeCommand command = EnvelopeCommand.shred(transactionId, context.requester(), reason, clock.instant());
        AccessEvent event = requested(AccessEventType.SHREDDED, command, context, null, Map.of());
        log.commit(List.of(command), List.of(event));
        return new AcceptedCommand(command.commandId(), transactionId, event.getEventId());
    }

    /**
     * Shreds every transaction the lookup view holds (sealed, not yet shredded) that lists {@code participant}, in one
     * Kafka transaction; none if there are more than the configured bound (409).
     */
    public List<AcceptedCommand> erase(AuditContext context, ParticipantId participant, String reason) {
        List<String> ids = byParticipant.transactionsOf(participant.value(), maxErasure + 1);
        if (ids.size() > maxErasure) {
            throw new RevocationRefusedException(
                    409,
                    "TOO_MANY_TRANSACTIONS",
                    participant.value() + " has more than " + maxErasure
                            + " transactions; shred them by id or raise erasure.max.transactions");
        }
        List<EnvelopeCommand> commands = new ArrayList<>();
        List<AccessEvent> logged = new ArrayList<>();
        List<AcceptedCommand> accepted = new ArrayList<>();
        for (String id : ids) {
            EnvelopeCommand command = EnvelopeCommand.shred(id, context.requester(), reason, clock.instant());
            AccessEvent event = requested(
                    AccessEventType.SHREDDED,
                    command,
                    context,
                    participant.value(),
                    Map.of("erasureOf", participant.value()));
            commands.add(command);
            logged.add(event);
            accepted.add(new AcceptedCommand(command.commandId(), id, event.getEventId()));
        }
        if (!commands.isEmpty()) {
            log.commit(commands, logged);
        }
        return accepted;
    }

    private LookupResult.Found found(String transactionId) {
        LookupResult result = lookup.find(transactionId);
        if (result instanceof LookupResult.Shredded) {
            throw new RevocationRefusedException(410, "SHREDDED", "transaction " + transactionId + " was shredded");
        }
        if (result instanceof LookupResult.Found found) {
            return found;
        }
        throw new RevocationRefusedException(404, "UNKNOWN_TRANSACTION", "no such transaction");
    }

    private AccessEvent requested(
            AccessEventType type,
            EnvelopeCommand command,
            AuditContext context,
            String subject,
            Map<String, String> more) {
        Map<String, String> attributes = new HashMap<>(more);
        attributes.put("stage", "requested");
        attributes.put("commandId", command.commandId().toString());
        attributes.put("status", "202");
        return events.command(type, command.transactionId(), subject, context, command.reason(), attributes);
    }
}
