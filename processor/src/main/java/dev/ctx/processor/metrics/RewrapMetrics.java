package dev.ctx.processor.metrics;

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
        };
    }
}
