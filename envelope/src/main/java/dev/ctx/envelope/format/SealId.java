package dev.ctx.envelope.format;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The random 16-byte id of one seal (format v2). It is chosen per seal, written into the ciphertext part and every
 * DEK wrap of that seal and bound into their AAD and HPKE info, so a wrap only opens the ciphertext it was sealed
 * with, even when two seals share a transaction id. Not secret.
 */
public final class SealId extends RandomId {

    private SealId(byte[] bytes) {
        super("seal id", bytes);
    }

    /**
     * @throws InvalidInputException unless {@code bytes} has {@value RandomId#LENGTH} bytes (copied)
     */
    public static SealId of(byte[] bytes) {
        return new SealId(bytes);
    }
}
