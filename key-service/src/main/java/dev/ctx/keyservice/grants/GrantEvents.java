package dev.ctx.keyservice.grants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

/**
 * The access events of grants: {@code GRANT_CREATED} and {@code GRANT_REVOKED}, subject = grant id, attributes
 * {@code grantee}, {@code purpose}, {@code scope}, {@code fields} (names), {@code notBefore}, {@code notAfter}. Never
 * confidential data.
 */
final class GrantEvents {

    private final AccessEvents events;

    GrantEvents(AccessEvents events) {
        this.events = events;
    }

    AccessEvent created(AuditContext context, Grant grant) {
        return events.lifecycle(AccessEventType.GRANT_CREATED, grant.grantId(), context, List.of(), attributes(grant));
    }

    AccessEvent revoked(AuditContext context, Grant grant) {
        return events.lifecycle(AccessEventType.GRANT_REVOKED, grant.grantId(), context, List.of(), attributes(grant));
    }

    /** {@code transactions:t1,t2} or {@code participant:p:[from,to)}. */
    static String scope(Grant grant) {
        if (!grant.transactionIds().isEmpty()) {
            return "transactions:" + String.join(",", grant.transactionIds());
        }
        return "participant:" + grant.participantId() + ":[" + grant.from() + "," + grant.to() + ")";
    }

    private static Map<String, String> attributes(Grant grant) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("grantee", grant.grantee());
        attributes.put("purpose", grant.purpose());
        attributes.put("scope", scope(grant));
        attributes.put(
                "fields", String.join(",", grant.fields().stream().sorted().toList()));
        attributes.put("notBefore", grant.notBefore().toString());
        attributes.put("notAfter", grant.notAfter().toString());
        return attributes;
    }
}
