package dev.ctx.keyservice.escrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/**
 * The access events of escrow: subject = request id; attributes {@code requestId}, {@code authorizationReference},
 * {@code legalBasis}, {@code state}, {@code approvers} (comma-separated, oldest first), {@code transactionIds} and
 * {@code fields} (names). {@code ESCROW_OPENED} is one event per transaction opened ({@code transactionId} set,
 * {@code dataAccessed} = the field names). Never confidential data.
 */
final class EscrowEvents {

    private final AccessEvents events;

    EscrowEvents(AccessEvents events) {
        this.events = events;
    }

    /** The event of a committed state change (REQUESTED, APPROVED, REJECTED, WITHDRAWN, EXPIRED). */
    AccessEvent changed(AccessEventType type, AuditContext context, EscrowCase escrowCase) {
        return events.lifecycle(type, escrowCase.requestId(), context, List.of(), attributes(escrowCase));
    }

    /** {@code ESCROW_OPENED} for one transaction of {@code opened} (the case after the open). */
    AccessEvent opened(AuditContext context, EscrowCase opened, String transactionId, List<String> fields) {
        Map<String, String> attributes = attributes(opened);
        attributes.put("opens", opened.opens() + "/" + opened.maxOpens());
        return events.lifecycleOfTransaction(
                AccessEventType.ESCROW_OPENED, opened.requestId(), transactionId, context, fields, attributes);
    }

    /** {@code ESCROW_DENIED}: reason {@code <REFUSAL>: <detail>}, the HTTP status and the action in the attributes. */
    AccessEvent denied(AuditContext context, String requestId, String action, EscrowRefusedException refused) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (requestId != null) {
            attributes.put("requestId", requestId);
        }
        attributes.put("action", action);
        attributes.put("status", Integer.toString(refused.refusal().status()));
        return events.denied(
                AccessEventType.ESCROW_DENIED,
                requestId == null ? "escrow-requests" : requestId,
                context,
                refused.refusal().name() + ": " + refused.getMessage(),
                attributes);
    }

    private static Map<String, String> attributes(EscrowCase escrowCase) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("requestId", escrowCase.requestId());
        attributes.put("authorizationReference", escrowCase.authorizationReference());
        attributes.put("legalBasis", escrowCase.legalBasis());
        attributes.put("state", escrowCase.state().name());
        attributes.put("approvers", String.join(",", escrowCase.approvers()));
        attributes.put("transactionIds", String.join(",", escrowCase.transactionIds()));
        attributes.put("fields", String.join(",", escrowCase.fields()));
        attributes.put("expiresAt", escrowCase.expiresAt().toString());
        return attributes;
    }
}
