package dev.ctx.envelope.format;

import java.util.Arrays;
import java.util.HexFormat;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * A public, random, 16-byte identifier written into our layouts ({@link SealId}, {@link EpochId}). Not secret:
 * {@code toString()} is its lower-case hex. Immutable; accessors return copies. Two ids are equal only when they are of
 * the same kind and hold the same bytes.
 */
public abstract class RandomId {

    /** Length in bytes of every id of this kind. */
    public static final int LENGTH = 16;

    private final byte[] bytes;

    RandomId(String kind, byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidInputException(kind + " must be " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    public final byte[] bytes() {
        return bytes.clone();
    }

    final byte[] view() {
        return bytes;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((RandomId) other).bytes);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public final String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
