package dev.ctx.schemas.auditlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The chain of one access-log partition (v1): {@code hash = SHA-256(prevHash || canonicalEvent)}; the first entry's
 * prevHash is the partition's genesis hash {@code SHA-256("ctx.access-log.genesis.v1" || partition as u32 big-endian)}.
 */
public final class ChainHash {

    /** Length in bytes of every hash of the chain. */
    public static final int LENGTH = 32;

    /** The ASCII label of the genesis hash (25 bytes, no terminator). */
    public static final String GENESIS_LABEL = "ctx.access-log.genesis.v1";

    private ChainHash() {}

    /** The prevHash of sequence 0 in {@code partition}. */
    public static byte[] genesis(int partition) {
        MessageDigest sha = sha256();
        sha.update(GENESIS_LABEL.getBytes(StandardCharsets.US_ASCII));
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        return sha.digest();
    }

    /** The hash of the entry holding {@code canonicalEvent} after an entry whose hash is {@code prevHash}. */
    public static byte[] next(byte[] prevHash, byte[] canonicalEvent) {
        return next(sha256(), prevHash, canonicalEvent);
    }

    /**
     * As {@link #next(byte[], byte[])} with a digest the caller reuses (a verifier hashing millions of entries on one
     * thread); {@code sha} is reset first and left reset.
     */
    public static byte[] next(MessageDigest sha, byte[] prevHash, byte[] canonicalEvent) {
        if (prevHash.length != LENGTH) {
            throw new IllegalArgumentException("prevHash must be " + LENGTH + " bytes, was " + prevHash.length);
        }
        sha.reset();
        sha.update(prevHash);
        sha.update(canonicalEvent);
        return sha.digest();
    }

    /** A new SHA-256 digest, for {@link #next(MessageDigest, byte[], byte[])}. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
