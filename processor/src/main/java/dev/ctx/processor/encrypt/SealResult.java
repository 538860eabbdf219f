package dev.ctx.processor.encrypt;

import java.util.List;
import java.util.Objects;

/**
 * What sealing produced: the versioned ciphertext layout, the fingerprint of the sealed record's schema, the random
 * 16-byte seal id shared by the ciphertext and every wrap, and one wrap per recipient in recipient order. Holds no
 * plaintext and no key.
 */
public record SealResult(byte[] ciphertext, byte[] schemaFingerprint, byte[] sealId, List<SealedWrap> wraps) {

    public SealResult {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
        Objects.requireNonNull(sealId, "sealId");
        wraps = List.copyOf(wraps);
    }

    @Override
    public String toString() {
        return "SealResult[ciphertext=" + ciphertext.length + " bytes, wraps=" + wraps.size() + "]";
    }
}
