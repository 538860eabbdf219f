package dev.ctx.processor.encrypt;

import java.util.List;
import java.util.Objects;

/**
 * What sealing produced: the versioned ciphertext layout, the fingerprint of the sealed record's schema, the random
 * 16-byte seal id shared by the ciphertext and every wrap, and one wrap per recipient in recipient order. Holds no
 * plaintext and no key.
 */
public final class SealResult {

    private final byte[] ciphertext;
    private final byte[] schemaFingerprint;
    private final byte[] sealId;
    private final List<SealedWrap> wraps;

    public SealResult(byte[] ciphertext, byte[] schemaFingerprint, byte[] sealId, List<SealedWrap> wraps) {
        this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
        this.schemaFingerprint = Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
        this.sealId = Objects.requireNonNull(sealId, "sealId");
        this.wraps = List.copyOf(wraps);
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
