package dev.ctx.schemas.auditlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes an access-log checkpoint's Ed25519 signature covers (v1): the ASCII label
 * {@code "ctx.access-log-checkpoint.v1"} (28 bytes, no terminator), then partition (u32), firstSequence (i64),
 * lastSequence (i64), headHash (32), merkleRoot (32), previousCheckpoint (32), signedAt (i64 milliseconds since the
 * epoch), signingKeyId (u32 byte length, UTF-8); integers big-endian. The {@code signature} field is not covered.
 * A checkpoint's {@code previousCheckpoint} is {@link #digest} of the partition's previous checkpoint, so a dropped
 * or reordered checkpoint breaks the checkpoint chain too. Layout: {@code docs/access-log-chain.md}.
 */
public final class CheckpointSigningInput {

    /** The ASCII domain-separation label the signing input starts with. */
    public static final String LABEL = "ctx.access-log-checkpoint.v1";

    /** The {@code previousCheckpoint} of a partition's first checkpoint. */
    private static final byte[] NO_PREVIOUS = new byte[ChainHash.LENGTH];

    private static final byte[] LABEL_BYTES = LABEL.getBytes(StandardCharsets.US_ASCII);

    private CheckpointSigningInput() {}

    /** The bytes the signature of {@code checkpoint} covers; its {@code signature} field is ignored. */
    public static byte[] bytes(AccessLogCheckpoint checkpoint) {
        byte[] keyId = checkpoint.getSigningKeyId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out =
                ByteBuffer.allocate(LABEL_BYTES.length + 4 + 8 + 8 + 3 * ChainHash.LENGTH + 8 + 4 + keyId.length);
        out.put(LABEL_BYTES);
        out.putInt(checkpoint.getPartition());
        out.putLong(checkpoint.getFirstSequence());
        out.putLong(checkpoint.getLastSequence());
        out.put(fixed(checkpoint.getHeadHash()));
        out.put(fixed(checkpoint.getMerkleRoot()));
        out.put(fixed(checkpoint.getPreviousCheckpoint()));
        out.putLong(checkpoint.getSignedAt().toEpochMilli());
        out.putInt(keyId.length);
        out.put(keyId);
        return out.array();
    }

    /** SHA-256 of the signing input of {@code checkpoint}: the next checkpoint's {@code previousCheckpoint}. */
    public static byte[] digest(AccessLogCheckpoint checkpoint) {
        return ChainHash.sha256().digest(bytes(checkpoint));
    }

    /** The {@code previousCheckpoint} value of a partition's first checkpoint (32 zero bytes). */
    public static Sha256 noPrevious() {
        return new Sha256(NO_PREVIOUS.clone());
    }

    private static byte[] fixed(Sha256 hash) {
        return hash.bytes();
    }
}
