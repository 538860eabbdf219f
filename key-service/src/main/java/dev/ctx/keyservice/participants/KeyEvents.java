package dev.ctx.keyservice.participants;

import java.util.List;
import java.util.Map;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/** The access events of key lifecycle changes: they name the key version, never key material. */
final class KeyEvents {

    private final AccessEvents events;

    KeyEvents(AccessEvents events) {
        this.events = events;
    }

    /** An event about key {@code version} of {@code id}, resource {@code key:<id>/v<version>}. */
    AccessEvent of(AccessEventType type, ParticipantId id, int version, AuditContext context) {
        return events.lifecycle(
                type,
                id.value(),
                context,
                List.of("key:" + id + "/v" + version),
                Map.of("participantId", id.value(), "keyVersion", Integer.toString(version)));
    }

    /** {@code KEY_OPENED} of escrow key {@code version} for escrow request {@code requestId}. */
    AccessEvent escrowKeyOpened(int version, AuditContext context, String requestId) {
        ParticipantId id = ParticipantId.ESCROW;
        return events.lifecycle(
                AccessEventType.KEY_OPENED,
                id.value(),
                context,
                List.of("key:" + id + "/v" + version),
                Map.of(
                        "participantId",
                        id.value(),
                        "keyVersion",
                        Integer.toString(version),
                        "escrowRequestId",
                        requestId));
    }

    /** {@code KEY_OPENED} of escrow key {@code version} to rewrap escrow wraps of one rewrap batch. */
    AccessEvent escrowKeyOpenedForRewrap(int version, AuditContext context) {
        ParticipantId id = ParticipantId.ESCROW;
        return events.lifecycle(
                AccessEventType.KEY_OPENED,
                id.value(),
                context,
                List.of("key:" + id + "/v" + version),
                Map.of("participantId", id.value(), "keyVersion", Integer.toString(version), "purpose", "rewrap"));
    }

    static AccessEventType rotation(ParticipantId id) {
        return id.isEscrow() ? AccessEventType.ESCROW_KEY_ROTATED : AccessEventType.KEY_ROTATED;
    }
}
