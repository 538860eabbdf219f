package dev.ctx.schemas.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one way the processor and the key service build an {@link AccessEvent}: what every event has (type, outcome,
 * writing component, time, an event id) is fixed when the builder starts; the optional coordinates use the setter
 * names of the generated {@link AccessEvent.Builder}. Lists and maps are copied, so an event never shares a caller's
 * collection. The event id is a random UUID unless {@link #setEventIdFromName} derives one, and the requester is the
 * writing component unless {@link #setRequester} names the caller. Not thread-safe; build each event on one thread.
 * Ids, key versions and field names only: never field values or key material.
 */
public final class AccessEventBuilder {

    private final AccessEvent.Builder event;

    private AccessEventBuilder(AccessEventType type, AccessOutcome outcome, String source, Instant at) {
        this.event = AccessEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(Objects.requireNonNull(type, "type"))
                .setOutcome(Objects.requireNonNull(outcome, "outcome"))
                .setSource(Objects.requireNonNull(source, "source"))
                .setRequester(source)
                .setTimestamp(Objects.requireNonNull(at, "at"));
    }

    /**
     * Starts an event.
     *
     * @param source the writing component and instance, e.g. {@code processor/encrypt-1} or {@code key-service/host-1}
     */
    public static AccessEventBuilder of(AccessEventType type, AccessOutcome outcome, String source, Instant at) {
        return new AccessEventBuilder(type, outcome, source, at);
    }

    /** A name-based (RFC 4122 version 3) event id, so writing the same event twice yields the same id. */
    public AccessEventBuilder setEventIdFromName(String name) {
        event.setEventId(
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        return this;
    }

    /** The authenticated identity the event is about (default: the writing component). */
    public AccessEventBuilder setRequester(String requester) {
        event.setRequester(Objects.requireNonNull(requester, "requester"));
        return this;
    }

    public AccessEventBuilder setIp(String ip) {
        event.setIp(ip);
        return this;
    }

    public AccessEventBuilder setUserAgent(String userAgent) {
        event.setUserAgent(userAgent);
        return this;
    }

    public AccessEventBuilder setTransactionId(String transactionId) {
        event.setTransactionId(transactionId);
        return this;
    }

    /** What the event is about when it is not a transaction (participant id, key id, grant id). */
    public AccessEventBuilder setSubject(String subject) {
        event.setSubject(subject);
        return this;
    }

    public AccessEventBuilder setPurpose(String purpose) {
        event.setPurpose(purpose);
        return this;
    }

    public AccessEventBuilder setAuthorizedBy(String authorizedBy) {
        event.setAuthorizedBy(authorizedBy);
        return this;
    }

    public AccessEventBuilder setReason(String reason) {
        event.setReason(reason);
        return this;
    }

    /** Names of the fields or keys touched (copied), never their values. */
    public AccessEventBuilder setDataAccessed(List<String> dataAccessed) {
        event.setDataAccessed(List.copyOf(dataAccessed));
        return this;
    }

    /**
     * Non-secret coordinates such as participants and key versions (copied, in ascending key order: a body written
     * that way is already the event's canonical encoding, which the access-log sealer then takes without decoding).
     */
    public AccessEventBuilder setAttributes(Map<String, String> attributes) {
        event.setAttributes(Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(attributes))));
        return this;
    }

    public AccessEvent build() {
        return event.build();
    }
}
