package dev.ctx.client.auditlog;

/** Told how far a verification got, every {@link AccessLogVerifier#PROGRESS_INTERVAL} entries; rate-limit it. */
@FunctionalInterface
public interface ProgressListener {

    /** Nothing. */
    ProgressListener NONE = (entries, checkpoints) -> {};

    /** {@code entries} entries and {@code checkpoints} checkpoints read so far, over all partitions. */
    void progress(long entries, long checkpoints);
}
