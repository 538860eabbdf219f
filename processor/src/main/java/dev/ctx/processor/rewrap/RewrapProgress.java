package dev.ctx.processor.rewrap;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the compacted progress topic ({@code rewrap.progress}): how many envelopes of partition
 * {@code partition} of {@code transactions.envelopes} still wrap under {@code participant}'s old key
 * {@code version}, as counted by that partition's rewrap task when it had acted on {@code currentVersion}. Written by
 * the task in its Kafka transaction, together with the envelope generations the count reflects; the retirement
 * decision reads all partitions' records (docs/rewrap-topology.md, "Retirement").
 *
 * <p>Key: UTF-8 {@code participant 0x00 version(8 lower-case hex) 0x00 partition(8 lower-case hex)}. Value
 * ({@value #VALUE_BYTES} bytes): layout {@code 0x01}, {@code remaining} int64 big-endian, {@code currentVersion} int32
 * big-endian.
 *
 * @param participant the participant whose old version is counted
 * @param version the old key version counted
 * @param partition the partition of {@code transactions.envelopes} the count covers
 * @param remaining envelopes of that partition whose wrap for the participant names {@code version}
 * @param currentVersion the participant's current version the counting task had acted on ({@code > version})
 */
public record RewrapProgress(String participant, int version, int partition, long remaining, int currentVersion) {

    /** The value layout this class writes and reads. */
    public static final byte LAYOUT = 0x01;
    /** The length of a value. */
    public static final int VALUE_BYTES = 13;

    public RewrapProgress {
        Objects.requireNonNull(participant, "participant");
        if (participant.isEmpty() || participant.indexOf(RewrapStores.SEPARATOR) >= 0) {
            throw new IllegalArgumentException("participant id must be non-empty without 0x00");
        }
        if (version < 1 || partition < 0 || remaining < 0 || currentVersion <= version) {
            throw new IllegalArgumentException(
                    "progress needs version >= 1, partition >= 0, remaining >= 0 and " + "currentVersion > version");
        }
    }

    /** The record key. */
    public String key() {
        return keyOf(participant, version, partition);
    }

    static String keyOf(String participant, int version, int partition) {
        return prefixOf(participant, version) + String.format("%08x", partition);
    }

    /** The key prefix shared by every partition's record of {@code participant}'s {@code version}. */
    static String prefixOf(String participant, int version) {
        return participant + RewrapStores.SEPARATOR + String.format("%08x", version) + RewrapStores.SEPARATOR;
    }

    /** The record value. */
    public byte[] value() {
        return ByteBuffer.allocate(VALUE_BYTES)
                .put(LAYOUT)
                .putLong(remaining)
                .putInt(currentVersion)
                .array();
    }

    /**
     * The record of {@code key} and {@code value}; empty for a tombstone or for anything that is not this layout (a
     * reader ignores such a record: it can only delay a retirement, never cause one).
     */
    public static Optional<RewrapProgress> parse(String key, byte[] value) {
        if (key == null || value == null || value.length != VALUE_BYTES || value[0] != LAYOUT) {
            return Optional.empty();
        }
        String[] parts = key.split(String.valueOf(RewrapStores.SEPARATOR), -1);
        if (parts.length != 3 || parts[1].length() != 8 || parts[2].length() != 8) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(value, 1, VALUE_BYTES - 1);
            long remaining = buffer.getLong();
            int currentVersion = buffer.getInt();
            return Optional.of(new RewrapProgress(
                    parts[0],
                    Integer.parseUnsignedInt(parts[1], 16),
                    Integer.parseUnsignedInt(parts[2], 16),
                    remaining,
                    currentVersion));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
