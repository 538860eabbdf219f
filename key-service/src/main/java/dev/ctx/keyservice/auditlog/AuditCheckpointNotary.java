package dev.ctx.keyservice.auditlog;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.ConflictException;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;

/**
 * Signs access-log checkpoints for the sealer: never arbitrary bytes, only a checkpoint whose fields it has checked
 * (format v1, a sequence range, a first checkpoint with no previous digest and a later one with one, and not older
 * than the newest checkpoint it already signed for the partition). It sets {@code signedAt} (now, milliseconds) and
 * {@code signingKeyId} (the current audit key), signs signing input v1 and commits an {@code AUDIT_CHECKPOINT_SIGNED}
 * event before the signature is returned: a checkpoint whose event was not committed is not handed out.
 *
 * <p>The monotonic check is per instance and in memory: it stops a confused or replaying caller going backwards, it
 * does not prove anything to a verifier (the checkpoint chain and the entries do). Re-signing the same first sequence
 * is allowed: a sealer whose Kafka transaction aborted after the call asks again. Thread-safe.
 */
public final class AuditCheckpointNotary {

    private final AuditSigningKeys keys;
    private final AccessEventCommitter committer;
    private final AccessEvents events;
    private final Clock clock;
    private final Duration commitTimeout;
    private final Map<Integer, Long> newestFirstSequence = new ConcurrentHashMap<>();

    public AuditCheckpointNotary(
            AuditSigningKeys keys,
            AccessEventCommitter committer,
            AccessEvents events,
            Clock clock,
            Duration commitTimeout) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.committer = Objects.requireNonNull(committer, "committer");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.commitTimeout = Objects.requireNonNull(commitTimeout, "commitTimeout");
    }

    /** The audit signing keys (published at {@code GET /v1/audit/signing-keys}). */
    public AuditSigningKeys keys() {
        return keys;
    }

    /**
     * @param draft the checkpoint's fields; its {@code signedAt}, {@code signingKeyId} and {@code signature} are
     *     replaced
     * @throws IllegalArgumentException if a field is out of range (400)
     * @throws ConflictException if the partition already has a newer checkpoint signed (409)
     * @throws dev.ctx.keyservice.audit.AuditUnavailableException if the event was not committed (503; nothing
     *     returned)
     */
    public AccessLogCheckpoint sign(AuditContext context, AccessLogCheckpoint draft) {
        validate(draft);
        Long newest = newestFirstSequence.get(draft.getPartition());
        if (newest != null && draft.getFirstSequence() < newest) {
            throw new ConflictException("partition " + draft.getPartition() + " already has a checkpoint from sequence "
                    + newest + "; a checkpoint from " + draft.getFirstSequence() + " is not signed");
        }
        AuditSigningKeys.Published current = keys.current();
        AccessLogCheckpoint unsigned = AccessLogCheckpoint.newBuilder(draft)
                .setSignedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setSigningKeyId(current.keyId())
                .setSignature(ByteBuffer.allocate(0))
                .build();
        byte[] signature = keys.signAsCurrent(current.keyId(), CheckpointSigningInput.bytes(unsigned));
        committer.commit(
                events.lifecycle(
                        AccessEventType.AUDIT_CHECKPOINT_SIGNED,
                        "access-log/" + draft.getPartition(),
                        context,
                        List.of("audit-signing-key:" + current.keyId()),
                        Map.of(
                                "partition", Integer.toString(draft.getPartition()),
                                "firstSequence", Long.toString(draft.getFirstSequence()),
                                "lastSequence", Long.toString(draft.getLastSequence()),
                                "signingKeyId", current.keyId())),
                commitTimeout);
        newestFirstSequence.merge(draft.getPartition(), draft.getFirstSequence(), Math::max);
        return AccessLogCheckpoint.newBuilder(unsigned)
                .setSignature(ByteBuffer.wrap(signature))
                .build();
    }

    /** Rotates the audit signing key and commits {@code AUDIT_SIGNING_KEY_ROTATED}. */
    public AuditSigningKeys.Published rotate(AuditContext context) {
        String previous = keys.current().keyId();
        AuditSigningKeys.Published next = keys.rotate();
        committer.commit(
                events.lifecycle(
                        AccessEventType.AUDIT_SIGNING_KEY_ROTATED,
                        "audit-signing-key",
                        context,
                        List.of("audit-signing-key:" + next.keyId()),
                        Map.of(
                                "keyId", next.keyId(),
                                "version", Integer.toString(next.version()),
                                "previousKeyId", previous)),
                commitTimeout);
        return next;
    }

    /** Commits {@code AUDIT_SIGNING_KEY_CREATED} for the current key (the start that generated it). */
    public void created(AuditContext context) {
        AuditSigningKeys.Published current = keys.current();
        committer.commit(
                events.lifecycle(
                        AccessEventType.AUDIT_SIGNING_KEY_CREATED,
                        "audit-signing-key",
                        context,
                        List.of("audit-signing-key:" + current.keyId()),
                        Map.of("keyId", current.keyId(), "version", Integer.toString(current.version()))),
                commitTimeout);
    }

    private static void validate(AccessLogCheckpoint draft) {
        if (draft.getFormatVersion() != 1) {
            throw new IllegalArgumentException("formatVersion must be 1");
        }
        if (draft.getPartition() < 0) {
            throw new IllegalArgumentException("partition must be >= 0");
        }
        if (draft.getFirstSequence() < 0 || draft.getLastSequence() < draft.getFirstSequence()) {
            throw new IllegalArgumentException("need 0 <= firstSequence <= lastSequence");
        }
        boolean noPrevious = Arrays.equals(
                draft.getPreviousCheckpoint().bytes(),
                CheckpointSigningInput.noPrevious().bytes());
        if (draft.getFirstSequence() == 0 && !noPrevious) {
            throw new IllegalArgumentException("the first checkpoint of a partition has no previous checkpoint");
        }
        if (draft.getFirstSequence() > 0 && noPrevious) {
            throw new IllegalArgumentException("a checkpoint after sequence 0 must name its previous checkpoint");
        }
    }
}
