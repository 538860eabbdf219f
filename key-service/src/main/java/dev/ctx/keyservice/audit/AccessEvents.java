package dev.ctx.keyservice.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/** Builds the key service's access events: lifecycle successes and denied requests. Thread-safe. */
public final class AccessEvents {

    private final String source;
    private final Clock clock;

    /**
     * @param source this writer, e.g. {@code key-service/host-1}
     * @param clock the event time source
     */
    public AccessEvents(String source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A successful lifecycle operation on {@code subject} (a participant id).
     *
     * @param dataAccessed names of the keys touched, e.g. {@code key:alice/v3}; never values
     * @param attributes non-secret coordinates such as the key version
     */
    public AccessEvent lifecycle(
            AccessEventType type,
            String subject,
            AuditContext context,
            List<String> dataAccessed,
            Map<String, String> attributes) {
        return base(type, subject, context, AccessOutcome.SUCCESS, null)
                .setDataAccessed(dataAccessed)
                .setAttributes(attributes)
                .build();
    }

    /**
     * A successful lifecycle operation on {@code subject} that touched transaction {@code transactionId} (an escrow
     * open), with the names of the fields opened in {@code dataAccessed}; never values.
     */
    public AccessEvent lifecycleOfTransaction(
            AccessEventType type,
            String subject,
            String transactionId,
            AuditContext context,
            List<String> dataAccessed,
            Map<String, String> attributes) {
        return base(type, subject, context, AccessOutcome.SUCCESS, null)
                .setTransactionId(transactionId)
                .setDataAccessed(dataAccessed)
                .setAttributes(attributes)
                .build();
    }

    /** A refused request: 401 ({@code AUTHENTICATION_FAILED}) or 403 ({@code ACCESS_DENIED}). */
    public AccessEvent denied(
            AccessEventType type,
            String resource,
            AuditContext context,
            String reason,
            Map<String, String> attributes) {
        return base(type, resource, context, AccessOutcome.DENIED, reason)
                .setAttributes(attributes)
                .build();
    }

    /**
     * The decision on an access request for {@code transactionId}: {@code ACCESS_GRANTED} (outcome GRANTED) with the
     * released field names, or {@code ACCESS_DENIED} (outcome DENIED) with none.
     *
     * @param transactionId the requested transaction, or null if the request named none
     * @param authorizedBy the policy or grant that allowed it ({@code policy:<txn>}, {@code grant:<id>}), or null
     * @param dataAccessed names of the released fields, never their values
     * @param reason the reason code (and, for denials, why)
     */
    public AccessEvent accessDecision(
            boolean granted,
            String transactionId,
            AuditContext context,
            String purpose,
            String authorizedBy,
            List<String> dataAccessed,
            String reason,
            Map<String, String> attributes) {
        return base(
                        granted ? AccessEventType.ACCESS_GRANTED : AccessEventType.ACCESS_DENIED,
                        null,
                        context,
                        granted ? AccessOutcome.GRANTED : AccessOutcome.DENIED,
                        reason)
                .setTransactionId(transactionId)
                .setPurpose(purpose)
                .setAuthorizedBy(authorizedBy)
                .setDataAccessed(dataAccessed)
                .setAttributes(attributes)
                .build();
    }

    /**
     * An accepted revocation or shred command on {@code transactionId} ({@code ACCESS_REVOKED} or {@code SHREDDED},
     * outcome SUCCESS): the request was recorded, the rewrap topology applies it.
     *
     * @param subject the revoked participant, or the erased one, or null
     * @param reason the operator's reason
     */
    public AccessEvent command(
            AccessEventType type,
            String transactionId,
            String subject,
            AuditContext context,
            String reason,
            Map<String, String> attributes) {
        return base(type, subject, context, AccessOutcome.SUCCESS, reason)
                .setTransactionId(transactionId)
                .setAttributes(attributes)
                .build();
    }

    private AccessEventBuilder base(
            AccessEventType type, String subject, AuditContext context, AccessOutcome outcome, String reason) {
        return AccessEventBuilder.of(type, outcome, source, clock.instant())
                .setSubject(subject)
                .setRequester(context.requester())
                .setIp(context.ip())
                .setUserAgent(context.userAgent())
                .setReason(reason);
    }
}
