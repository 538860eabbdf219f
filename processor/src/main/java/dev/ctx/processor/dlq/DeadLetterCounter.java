package dev.ctx.processor.dlq;

/** Counts dead letters by reason; thread-safe implementations only. */
@FunctionalInterface
public interface DeadLetterCounter {

    /** A record went to the dead-letter topic. */
    void deadLetter(DeadLetterReason reason);
}
