package dev.ctx.processor.metrics;

import java.util.List;

/** What the rewrap topology counts. Implementations are thread-safe. */
public interface RewrapMetrics {

    /** Stream task {@code taskId} now holds {@code count} queued rewraps of {@code participant}. */
    void pending(String participant, String taskId, long count);

    /** One envelope of {@code participant} was written at its next generation. */
    void rewrapped(String participant);

    /** One rewrap of {@code participant} failed for good (dead letter) with {@code code}. */
    void failed(String participant, String code);

    /** A rewrap was answered "retry later", or its envelope changed meanwhile, or the key service was unavailable. */
    void retried(String participant);

    /**
     * Stream task {@code taskId} holds {@code count} envelopes still wrapped under {@code participant}'s old key
     * {@code version} (the count it last wrote to the progress topic).
     */
    void remaining(String participant, int version, String taskId, long count);

    /** The retirement decision retired one old key version of {@code participant}. */
    void retired(String participant);

    /**
     * {@code participant} has a verified keyring: its series start at zero (pending, rewrapped, retried, retired and
     * failed for each of {@code failureCodes}), so dashboards and alerts see 0 rather than no data before the first
     * rotation.
     */
    void known(String participant, List<String> failureCodes);

    /** Metrics that count nothing. */
    static RewrapMetrics none() {
        return new RewrapMetrics() {
            @Override
            public void pending(String participant, String taskId, long count) {}

            @Override
            public void rewrapped(String participant) {}

            @Override
            public void failed(String participant, String code) {}

            @Override
            public void retried(String participant) {}

            @Override
            public void remaining(String participant, int version, String taskId, long count) {}

            @Override
            public void retired(String participant) {}

            @Override
            public void known(String participant, List<String> failureCodes) {}
        };
    }
}
