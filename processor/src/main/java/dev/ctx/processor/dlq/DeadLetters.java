package dev.ctx.processor.dlq;

import java.time.Clock;
import java.util.Objects;

import dev.ctx.schemas.dlq.DeadLetter;

/** Builds {@link DeadLetter} records stamped with this processor instance and a clock. */
public final class DeadLetters {

    private final String source;
    private final Clock clock;

    /**
     * @param source the writing component and instance, e.g. {@code processor/encrypt-1}
     */
    public DeadLetters(String source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param transactionId the txn id, or {@code null} when it is not known
     * @param detail names ids, never values
     */
    public DeadLetter of(SourceCoordinates from, String transactionId, DeadLetterReason reason, String detail) {
        return DeadLetter.newBuilder()
                .setSourceTopic(from.topic())
                .setSourcePartition(from.partition())
                .setSourceOffset(from.offset())
                .setTransactionId(transactionId)
                .setReason(reason.name())
                .setDetail(detail)
                .setTimestamp(clock.instant())
                .setSource(source)
                .build();
    }

    /** The dead letter of a rejected transaction. */
    public DeadLetter of(SourceCoordinates from, String transactionId, RejectedTransactionException rejection) {
        return of(from, transactionId, rejection.reason(), rejection.getMessage());
    }
}
