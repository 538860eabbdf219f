package dev.ctx.keyservice.store;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;

/** Classifies the store's Kafka failures by what they leave behind: fatal, unknown outcome, or plainly failed. */
final class KafkaErrors {

    private KafkaErrors() {}

    /** Another instance took over (or we may not write at all): recovering would fence it back, so never recover. */
    static boolean isFatal(Throwable e) {
        return causedBy(e, ProducerFencedException.class)
                || causedBy(e, InvalidProducerEpochException.class)
                || causedBy(e, OutOfOrderSequenceException.class)
                || causedBy(e, AuthorizationException.class);
    }

    /** A producer with the same transactional id was initialised later: another replica writes now. */
    static boolean isFenced(Throwable e) {
        return causedBy(e, ProducerFencedException.class) || causedBy(e, InvalidProducerEpochException.class);
    }

    /**
     * The broker is out of reach: a commit's outcome is unknown (it may still complete), and an abort would wait for
     * the broker too.
     */
    static boolean isUnknownOutcome(Throwable e) {
        return causedBy(e, TimeoutException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
