package dev.ctx.processor.metrics;

import java.time.Duration;

import dev.ctx.processor.dlq.DeadLetterCounter;
import dev.ctx.processor.dlq.DeadLetterReason;

/** What the encryption topology counts. Implementations are thread-safe. */
public interface ProcessorMetrics extends DeadLetterCounter {

    /** An input record reached the encryption step (decodable or not). */
    void recordIn();

    /** Records were sent to an output topic. */
    void recordsOut(String topic, int count);

    /** A transaction was sealed. */
    void encrypted();

    /** A non-confidential transaction passed with its fields in clear. */
    void passedInClear();

    /** A repeated transaction id with content identical to its first accepted record was dropped (no output). */
    void duplicateDropped();

    /** A record went to the dead-letter topic. */
    @Override
    void deadLetter(DeadLetterReason reason);

    /** A keyring on {@code participant-keys} was refused as untrusted; {@code reason} is a fixed lower-case tag. */
    void untrustedKeyring(String reason);

    /** One seal (DEK generation, field encryption and every wrap) took {@code elapsed}. */
    void sealLatency(Duration elapsed);
}
