package dev.ctx.keyservice.rewrap;

import java.util.Arrays;
import java.util.Objects;

/**
 * One envelope to rewrap: the transaction, the envelope generation the job read, and the participant's wrap in it (key
 * version and the {@code RecipientWrap.wrap} bytes, copied). Immutable.
 */
public final class RewrapItem {

    private final String transactionId;
    private final int generation;
    private final int keyVersion;
    private final byte[] wrap;

    public RewrapItem(String transactionId, int generation, int keyVersion, byte[] wrap) {
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.generation = generation;
        this.keyVersion = keyVersion;
        this.wrap = Objects.requireNonNull(wrap, "wrap").clone();
    }

    public String transactionId() {
        return transactionId;
    }

    public int generation() {
        return generation;
    }

    public int keyVersion() {
        return keyVersion;
    }

    /** Whether {@code bytes} are this item's wrap bytes. */
    boolean hasWrap(byte[] bytes) {
        return Arrays.equals(wrap, bytes);
    }

    /** A copy of the wrap bytes. */
    public byte[] wrap() {
        return wrap.clone();
    }

    @Override
    public String toString() {
        return "RewrapItem[transactionId=" + transactionId + ", generation=" + generation + ", keyVersion=" + keyVersion
                + "]";
    }
}
