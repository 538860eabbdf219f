package dev.ctx.processor.encrypt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What sealing produced: the versioned ciphertext layout, the fingerprint of the sealed record's schema, the random
 * 16-byte seal id shared by the ciphertext and every wrap, one wrap per recipient in recipient order, and the public
 * part of the receipt (commitment and opening proof). Holds no plaintext, no key and no receipt blinding.
 */
public final class SealResult {

    private final byte[] ciphertext;
    private final byte[] schemaFingerprint;
    private final byte[] sealId;
    private final List<SealedWrap> wraps;
    private final SealedReceipt receipt;

    public SealResult(byte[] ciphertext, byte[] schemaFingerprint, byte[] sealId, List<SealedWrap> wraps) {
        this(ciphertext, schemaFingerprint, sealId, wraps, null);
    }

    /**
     * @param receipt the receipt's public part, or null when no receipt was made (receipts off, or an amount outside
     *     [0, 2^64) minor units)
     */
    public SealResult(
            byte[] ciphertext, byte[] schemaFingerprint, byte[] sealId, List<SealedWrap> wraps, SealedReceipt receipt) {
        this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
        this.schemaFingerprint = Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
        this.sealId = Objects.requireNonNull(sealId, "sealId");
        this.wraps = List.copyOf(wraps);
        this.receipt = receipt;
    }

    /** The receipt's public part, if one was made. */
    public Optional<SealedReceipt> receipt() {
        return Optional.ofNullable(receipt);
    }

    public byte[] ciphertext() {
        return ciphertext;
    }

    public byte[] schemaFingerprint() {
        return schemaFingerprint;
    }

    public byte[] sealId() {
        return sealId;
    }

    public List<SealedWrap> wraps() {
        return wraps;
    }

    @Override
    public String toString() {
        return "SealResult[ciphertext=" + ciphertext.length + " bytes, wraps=" + wraps.size() + "]";
    }
}
