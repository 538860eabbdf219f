package dev.ctx.processor.dedup;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What the deduplication store remembers of the first accepted record of a transaction id: the 32-byte digest of its
 * value and the 16-byte seal id it was sealed under (empty when it passed in clear). Holds no plaintext.
 */
public final class FirstSeen {

    private final byte[] digest;
    private final byte[] sealId;

    public FirstSeen(byte[] digest, byte[] sealId) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(sealId, "sealId");
        if (digest.length != TransactionDigest.LENGTH) {
            throw new IllegalArgumentException("digest must be " + TransactionDigest.LENGTH + " bytes");
        }
        if (sealId.length != 0 && sealId.length != 16) {
            throw new IllegalArgumentException("seal id must be empty or 16 bytes");
        }
        this.digest = digest.clone();
        this.sealId = sealId.clone();
    }

    public byte[] digest() {
        return digest.clone();
    }

    public byte[] sealId() {
        return sealId.clone();
    }

    /** The digest is a guessing oracle for low-entropy fields: never printed. */
    @Override
    public String toString() {
        return "FirstSeen[sealId=" + (sealId.length == 0 ? "-" : HexFormat.of().formatHex(sealId)) + "]";
    }
}
