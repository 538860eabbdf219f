package dev.ctx.processor.audit;

/** What the sealer measures (names in {@link MicrometerSealerMetrics}). */
public interface SealerMetrics {

    /** An event was chained in {@code partition}, {@code lagSeconds} after its own timestamp. */
    void sealed(int partition, double lagSeconds);

    /** An event id already sealed in {@code partition} was not chained again. */
    void duplicate(int partition);

    /**
     * An event of {@code partition} was decoded and encoded again before chaining: its producer's body was not the
     * canonical one (attributes not sorted, another writer schema, ...), which costs more than taking it as it is.
     */
    void decoded(int partition);

    /** A signed checkpoint of {@code partition} was written; {@code signedAtSeconds} since the epoch. */
    void checkpoint(int partition, double signedAtSeconds);

    /** A checkpoint was due and not written. */
    void checkpointFailed(CheckpointFailure reason);

    /** Measures nothing. */
    static SealerMetrics none() {
        return new SealerMetrics() {
            @Override
            public void sealed(int partition, double lagSeconds) {}

            @Override
            public void duplicate(int partition) {}

            @Override
            public void decoded(int partition) {}

            @Override
            public void checkpoint(int partition, double signedAtSeconds) {}

            @Override
            public void checkpointFailed(CheckpointFailure reason) {}
        };
    }
}
