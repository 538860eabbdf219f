package dev.ctx.processor.rewrap;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * The access events the rewrap topology writes when it applies a revocation or a shred, in the same Kafka transaction
 * as the envelope change. Their ids are name-based, so a recomputed application has the same id.
 */
final class RevocationEvents {

    private RevocationEvents() {}

    /**
     * {@code ACCESS_REVOKED}: {@code participant}'s wrap under {@code keyVersion} is not in {@code generation}.
     *
     * @param cause {@code ACCESS_REVOKED} (a command for this transaction) or {@code KEY_REVOKED} (the key version)
     * @param commandId the command's id, or null for a key-version revocation
     */
    static AccessEvent accessRevoked(
            String transactionId,
            String participant,
            int keyVersion,
            int generation,
            String cause,
            String commandId,
            String requester,
            String reason,
            String source,
            Instant at) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("participant", participant);
        attributes.put("keyVersion", Integer.toString(keyVersion));
        attributes.put("generation", Integer.toString(generation));
        attributes.put("cause", cause);
        attributes.put("stage", "applied");
        if (commandId != null) {
            attributes.put("commandId", commandId);
        }
        return AccessEventBuilder.of(AccessEventType.ACCESS_REVOKED, AccessOutcome.SUCCESS, source, at)
                .setEventIdFromName(AccessEventType.ACCESS_REVOKED.name() + "|" + transactionId + "|" + participant
                        + "|" + generation)
                .setTransactionId(transactionId)
                .setSubject(participant)
                .setRequester(requester)
                .setReason(reason)
                .setAttributes(attributes)
                .build();
    }

    /** {@code SHREDDED}: the envelope of {@code transactionId} was tombstoned; {@code generation} 0 if none held. */
    static AccessEvent shredded(
            String transactionId,
            int generation,
            String commandId,
            String requester,
            String reason,
            String source,
            Instant at) {
        return AccessEventBuilder.of(AccessEventType.SHREDDED, AccessOutcome.SUCCESS, source, at)
                .setEventIdFromName(AccessEventType.SHREDDED.name() + "|" + transactionId)
                .setTransactionId(transactionId)
                .setRequester(requester)
                .setReason(reason)
                .setAttributes(
                        Map.of("generation", Integer.toString(generation), "commandId", commandId, "stage", "applied"))
                .build();
    }
}
