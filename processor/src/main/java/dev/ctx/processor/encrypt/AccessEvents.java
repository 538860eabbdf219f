package dev.ctx.processor.encrypt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ctx.envelope.Recipient;
import dev.ctx.processor.dlq.SourceCoordinates;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventBuilder;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * Maps a sealed transaction to its {@code ENCRYPTED} {@link AccessEvent}, and a transaction passed in clear to its
 * {@code PASSED_IN_CLEAR} event: ids, key versions and field names only, never field values.
 */
public final class AccessEvents {

    private AccessEvents() {}

    /**
     * @param source the writing component and instance, e.g. {@code processor/encrypt-1}
     * @param from the input record; the event id is derived from it, so reprocessing the same input yields the same id
     */
    public static AccessEvent encrypted(
            String transactionId,
            SealResult sealed,
            List<String> fieldNames,
            String source,
            SourceCoordinates from,
            Instant at) {
        return AccessEventBuilder.of(AccessEventType.ENCRYPTED, AccessOutcome.SUCCESS, source, at)
                .setEventIdFromName(eventName(AccessEventType.ENCRYPTED, from))
                .setTransactionId(transactionId)
                .setDataAccessed(fieldNames)
                .setAttributes(attributes(sealed))
                .build();
    }

    /**
     * The audit record of a transaction whose confidential fields were written in clear ({@code confidential=false}
     * in opt-in mode): names the transaction, its participants, the fields written in clear and the writing
     * instance.
     *
     * @param from the input record; the event id is derived from it, so reprocessing the same input yields the same id
     */
    public static AccessEvent passedInClear(
            String transactionId,
            List<String> participants,
            List<String> fieldNames,
            String source,
            SourceCoordinates from,
            Instant at) {
        return AccessEventBuilder.of(AccessEventType.PASSED_IN_CLEAR, AccessOutcome.SUCCESS, source, at)
                .setEventIdFromName(eventName(AccessEventType.PASSED_IN_CLEAR, from))
                .setTransactionId(transactionId)
                .setDataAccessed(fieldNames)
                .setReason("confidential=false in opt-in mode")
                .setAttributes(Map.of("participants", String.join(",", participants), "mode", "opt-in"))
                .build();
    }

    /**
     * The audit record of an envelope written at its next generation by the rewrap topology: names the transaction,
     * the participant (or {@code __escrow}), its old and new key versions, the new generation and whether the key
     * service unwrapped the DEK with the escrow key ({@code escrowKeyUsed}: an escrow rotation, or a participant-held
     * old version rewrapped from the escrow wrap); the event id is derived from the
     * transaction id and the new generation, so a recomputed rewrap of the same generation yields the same id.
     */
    public static AccessEvent rewrapped(
            String transactionId,
            String participant,
            int fromVersion,
            int toVersion,
            int generation,
            boolean viaEscrowKey,
            String source,
            Instant at) {
        return AccessEventBuilder.of(AccessEventType.REWRAPPED, AccessOutcome.SUCCESS, source, at)
                .setEventIdFromName(AccessEventType.REWRAPPED.name() + "|" + transactionId + "|" + generation)
                .setTransactionId(transactionId)
                .setSubject(participant)
                .setReason("key rotation")
                .setAttributes(Map.of(
                        "participant",
                        participant,
                        "fromKeyVersion",
                        Integer.toString(fromVersion),
                        "toKeyVersion",
                        Integer.toString(toVersion),
                        "generation",
                        Integer.toString(generation),
                        "escrowKeyUsed",
                        Boolean.toString(viaEscrowKey)))
                .build();
    }

    private static Map<String, String> attributes(SealResult sealed) {
        String participants = sealed.wraps().stream()
                .map(wrap -> wrap.recipient().id())
                .filter(id -> !id.equals(Recipient.ESCROW_ID))
                .collect(Collectors.joining(","));
        String keyVersions = sealed.wraps().stream()
                .map(wrap -> wrap.recipient().id() + ":" + wrap.recipient().keyVersion())
                .collect(Collectors.joining(","));
        return Map.of(
                "participants",
                participants,
                "keyVersions",
                keyVersions,
                "generation",
                Integer.toString(Envelopes.FIRST_GENERATION));
    }

    private static String eventName(AccessEventType type, SourceCoordinates from) {
        return type.name() + "|" + from.topic() + "|" + from.partition() + "|" + from.offset();
    }
}
