package dev.ctx.keyservice.lookup;

import java.util.Arrays;
import java.util.Optional;

/**
 * The view's value for one transaction id: the {@code transactions.encrypted} value and the newest
 * {@code transactions.envelopes} value exactly as read from the topics (Confluent-framed Avro), the newest envelope's
 * generation, and whether the envelope was tombstoned. Immutable; the merge methods return the next state. A shredded
 * entry holds neither record nor envelope (the view keeps no wrap of a shredded transaction) and never changes again.
 */
public final class ViewEntry {

    /** Generation of an entry without envelope; a real envelope starts at 1. */
    public static final int NO_GENERATION = 0;

    private static final ViewEntry SHREDDED = new ViewEntry(null, null, NO_GENERATION, true);
    private static final ViewEntry EMPTY = new ViewEntry(null, null, NO_GENERATION, false);

    private final byte[] record;
    private final byte[] envelope;
    private final int generation;
    private final boolean shredded;

    private ViewEntry(byte[] record, byte[] envelope, int generation, boolean shredded) {
        this.record = record;
        this.envelope = envelope;
        this.generation = generation;
        this.shredded = shredded;
    }

    /** The state of an id the view has not seen ({@code null} from the store). */
    public static ViewEntry empty() {
        return EMPTY;
    }

    /** The state after the envelope's tombstone. */
    public static ViewEntry shreddedMarker() {
        return SHREDDED;
    }

    static ViewEntry of(byte[] record, byte[] envelope, int generation, boolean shredded) {
        if (shredded) {
            if (record != null || envelope != null || generation != NO_GENERATION) {
                throw new IllegalArgumentException("a shredded entry holds no record, envelope or generation");
            }
            return SHREDDED;
        }
        if ((envelope == null) != (generation == NO_GENERATION)) {
            throw new IllegalArgumentException("an envelope comes with its generation (>= 1), and only then");
        }
        return new ViewEntry(copy(record), copy(envelope), generation, false);
    }

    /** With {@code value} as the record, unless one is known already (an id is sealed once) or it is shredded. */
    public ViewEntry withRecord(byte[] value) {
        if (shredded || record != null) {
            return this;
        }
        return new ViewEntry(copy(value), envelope, generation, false);
    }

    /** With {@code value} as the envelope if {@code newGeneration} is newer than the known one and not shredded. */
    public ViewEntry withEnvelope(int newGeneration, byte[] value) {
        if (shredded || newGeneration <= generation) {
            return this;
        }
        return new ViewEntry(record, copy(value), newGeneration, false);
    }

    public boolean isShredded() {
        return shredded;
    }

    /** The newest envelope's generation, or {@link #NO_GENERATION}. */
    public int generation() {
        return generation;
    }

    /** The {@code transactions.encrypted} value as read, if known. */
    public Optional<byte[]> record() {
        return Optional.ofNullable(copy(record));
    }

    /** The newest {@code transactions.envelopes} value as read, if known. */
    public Optional<byte[]> envelope() {
        return Optional.ofNullable(copy(envelope));
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ViewEntry that
                && generation == that.generation
                && shredded == that.shredded
                && Arrays.equals(record, that.record)
                && Arrays.equals(envelope, that.envelope);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(record) + Arrays.hashCode(envelope)) + generation + (shredded ? 1 : 0);
    }

    /** Sizes and generation only: never content. */
    @Override
    public String toString() {
        return "ViewEntry[record=" + (record == null ? "none" : record.length + " bytes") + ", envelope="
                + (envelope == null ? "none" : envelope.length + " bytes") + ", generation=" + generation
                + ", shredded=" + shredded + "]";
    }
}
