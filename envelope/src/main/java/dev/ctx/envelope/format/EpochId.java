package dev.ctx.envelope.format;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * The random 16-byte id of one epoch of an epoch sealer: chosen when the epoch starts, written into every epoch wrap
 * sealed in it and bound into the HPKE info of its per-recipient contexts. Not secret.
 */
public final class EpochId extends RandomId {

    private EpochId(byte[] bytes) {
        super("epoch id", bytes);
    }

    /**
     * @throws InvalidInputException unless {@code bytes} has {@value RandomId#LENGTH} bytes (copied)
     */
    public static EpochId of(byte[] bytes) {
        return new EpochId(bytes);
    }
}
