package dev.ctx.processor.encrypt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ctx.processor.dlq.SourceCoordinates;
import dev.ctx.processor.keys.EscrowId;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * Maps a sealed transaction to its {@code ENCRYPTED} {@link AccessEvent}, and a transaction passed in clear to its
 * {@code PASSED_IN_CLEAR} event: ids, key versions and field names only, never field values.
 */
public final class AccessEvents {

    private AccessEvents() {
    }

    /**
     * @param source the writing component and instance, e.g. {@code processor/encrypt-1}
     * @param from the input record; the event id is derived from it, so reprocessing the same input yields the same id
     */
    public static AccessEvent encrypted(String transactionId, SealResult sealed, List<String> fieldNames,
            String source, SourceCoordinates from, Instant at) {
        return AccessEvent.newBuilder()
                .setEventId(eventId(from))
                .setType(AccessEventType.ENCRYPTED)
                .setTransactionId(transactionId)
                .setRequester(source)
                .setDataAccessed(List.copyOf(fieldNames))
                .setTimestamp(at)
                .setOutcome(AccessOutcome.SUCCESS)
                .setSource(source)
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
    public static AccessEvent passedInClear(String transactionId, List<String> participants, List<String> fieldNames,
            String source, SourceCoordinates from, Instant at) {
        return AccessEvent.newBuilder()
                .setEventId(eventId(AccessEventType.PASSED_IN_CLEAR, from))
                .setType(AccessEventType.PASSED_IN_CLEAR)
                .setTransactionId(transactionId)
                .setRequester(source)
                .setDataAccessed(List.copyOf(fieldNames))
                .setTimestamp(at)
                .setOutcome(AccessOutcome.SUCCESS)
                .setReason("confidential=false in opt-in mode")
                .setSource(source)
                .setAttributes(Map.of("participants", String.join(",", participants), "mode", "opt-in"))
                .build();
    }

    private static Map<String, String> attributes(SealResult sealed) {
        String participants = sealed.wraps().stream().map(wrap -> wrap.recipient().id())
                .filter(id -> !id.equals(EscrowId.RESERVED))
                .collect(Collectors.joining(","));
        String keyVersions = sealed.wraps().stream()
                .map(wrap -> wrap.recipient().id() + ":" + wrap.recipient().keyVersion())
                .collect(Collectors.joining(","));
        return Map.of("participants", participants, "keyVersions", keyVersions,
                "generation", Integer.toString(Envelopes.FIRST_GENERATION));
    }

    static String eventId(SourceCoordinates from) {
        return eventId(AccessEventType.ENCRYPTED, from);
    }

    static String eventId(AccessEventType type, SourceCoordinates from) {
        String name = type.name() + "|" + from.topic() + "|" + from.partition() + "|" + from.offset();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
