package dev.ctx.envelope.format;

import java.util.Arrays;
import java.util.HexFormat;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The random 16-byte id of one epoch of an epoch sealer: chosen when the epoch starts, written into every epoch wrap
 * sealed in it and bound into the HPKE info of its per-recipient contexts. Not secret. Immutable; accessors return
 * copies.
 */
public final class EpochId {

    /** Length in bytes. */
    public static final int LENGTH = 16;

    private final byte[] bytes;

    private EpochId(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws InvalidInputException unless {@code bytes} has {@value #LENGTH} bytes (copied)
     */
    public static EpochId of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidInputException("epoch id must be " + LENGTH + " bytes");
        }
        return new EpochId(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] view() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EpochId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case hex; the epoch id is public. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
