package dev.ctx.envelope.format;

import java.util.Arrays;
import java.util.HexFormat;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The random 16-byte id of one seal (format v2). It is chosen per seal, written into the ciphertext part and every
 * DEK wrap of that seal and bound into their AAD and HPKE info, so a wrap only opens the ciphertext it was sealed
 * with, even when two seals share a transaction id. Not secret. Immutable; accessors return copies.
 */
public final class SealId {

    /** Length in bytes. */
    public static final int LENGTH = 16;

    private final byte[] bytes;

    private SealId(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws InvalidInputException unless {@code bytes} has {@value #LENGTH} bytes (copied)
     */
    public static SealId of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidInputException("seal id must be " + LENGTH + " bytes");
        }
        return new SealId(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] view() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case hex; the seal id is public. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
