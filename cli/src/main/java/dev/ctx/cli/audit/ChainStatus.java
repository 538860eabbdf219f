package dev.ctx.cli.audit;

import java.util.Objects;

/**
 * What a chain verification found, as the report shows it. Only {@link Verdict#VERIFIED} claims the log is intact;
 * {@link Verdict#NOT_CHECKED} (no verifier ran) claims nothing.
 *
 * @param verdict verified, broken, or not checked
 * @param partitions partitions checked (0 when not checked)
 * @param events entries checked
 * @param checkpoints signed checkpoints checked
 * @param firstBreak the first break found, or null
 * @param note one line for the reader, e.g. why it was not checked
 */
public record ChainStatus(
        Verdict verdict, int partitions, long events, long checkpoints, ChainBreak firstBreak, String note) {

    /** The outcome of a verification. */
    public enum Verdict {
        /** Every chain, checkpoint signature and Merkle root held. */
        VERIFIED,
        /** A break was found ({@link #firstBreak}). */
        BROKEN,
        /** No verification ran: the report makes no claim about the chain. */
        NOT_CHECKED
    }

    /**
     * The first break of a chain.
     *
     * @param partition the {@code access-log} partition
     * @param offset the offset of the entry (or checkpoint) where it breaks
     * @param kind the kind of break, as the verifier names it (e.g. {@code HASH_MISMATCH})
     */
    public record ChainBreak(int partition, long offset, String kind) {}

    public ChainStatus {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.BROKEN && firstBreak == null) {
            throw new IllegalArgumentException("a broken chain names its first break");
        }
        if (verdict != Verdict.BROKEN && firstBreak != null) {
            throw new IllegalArgumentException("only a broken chain has a first break");
        }
    }

    /** No verification ran; {@code why} says so in the report. */
    public static ChainStatus notChecked(String why) {
        return new ChainStatus(Verdict.NOT_CHECKED, 0, 0, 0, null, why);
    }
}
