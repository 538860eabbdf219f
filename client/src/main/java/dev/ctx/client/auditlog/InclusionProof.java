package dev.ctx.client.auditlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.CanonicalEncodingException;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.MerkleTree;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * An RFC 6962 inclusion proof of one sealed event under a signed checkpoint (docs/access-log-chain.md §8): the entry,
 * its leaf index in the checkpoint's tree, the tree size, the audit path and the checkpoint with its signature.
 * {@link #verify} needs only the signer's public key.
 */
public final class InclusionProof {

    /** The {@code format} of the JSON form. */
    public static final String FORMAT = "ctx-access-log-inclusion-proof/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SealedAccessEvent entry;
    private final long entryOffset;
    private final long leafIndex;
    private final long treeSize;
    private final List<byte[]> auditPath;
    private final AccessLogCheckpoint checkpoint;
    private final long checkpointOffset;

    InclusionProof(
            SealedAccessEvent entry,
            long entryOffset,
            long leafIndex,
            long treeSize,
            List<byte[]> auditPath,
            AccessLogCheckpoint checkpoint,
            long checkpointOffset) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.entryOffset = entryOffset;
        this.leafIndex = leafIndex;
        this.treeSize = treeSize;
        this.auditPath = auditPath.stream().map(byte[]::clone).toList();
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.checkpointOffset = checkpointOffset;
    }

    /**
     * The proof of {@code entry} under {@code checkpoint}, given the entry hashes of every sequence the checkpoint
     * covers, in order.
     */
    public static InclusionProof of(
            SealedAccessEvent entry,
            long entryOffset,
            AccessLogCheckpoint checkpoint,
            long checkpointOffset,
            List<byte[]> coveredHashes) {
        long index = entry.getSequence() - checkpoint.getFirstSequence();
        if (index < 0 || index >= coveredHashes.size()) {
            throw new IllegalArgumentException("sequence " + entry.getSequence() + " is not covered by the checkpoint");
        }
        List<byte[]> path = MerkleTree.inclusionPath(coveredHashes, (int) index);
        return new InclusionProof(entry, entryOffset, index, coveredHashes.size(), path, checkpoint, checkpointOffset);
    }

    /** The proven entry. */
    public SealedAccessEvent entry() {
        return entry;
    }

    /** The checkpoint it is proven under. */
    public AccessLogCheckpoint checkpoint() {
        return checkpoint;
    }

    /** A copy with another entry (to show what a verifier does with a changed one). */
    public InclusionProof withEntry(SealedAccessEvent other) {
        return new InclusionProof(other, entryOffset, leafIndex, treeSize, auditPath, checkpoint, checkpointOffset);
    }

    /** A copy with another checkpoint. */
    public InclusionProof withCheckpoint(AccessLogCheckpoint other) {
        return new InclusionProof(entry, entryOffset, leafIndex, treeSize, auditPath, other, checkpointOffset);
    }

    /**
     * Checks, in this order: the checkpoint's signature under {@code keys}; the entry's hash over its stored event and
     * the event's id; that the checkpoint covers the entry (partition, sequence, tree size); the audit path up to the
     * checkpoint's Merkle root.
     */
    public ProofVerdict verify(SigningKeys keys) {
        String keyId = checkpoint.getSigningKeyId();
        if (!keys.knows(keyId)) {
            return ProofVerdict.invalid(BreakKind.UNKNOWN_SIGNING_KEY, "signingKeyId " + keyId + " is not published");
        }
        if (!keys.verifies(keyId, CheckpointSigningInput.bytes(checkpoint), bytes(checkpoint.getSignature()))) {
            return ProofVerdict.invalid(BreakKind.BAD_SIGNATURE, "the checkpoint's signature does not verify");
        }
        byte[] hash = entry.getHash().bytes();
        byte[] event = bytes(entry.getEvent());
        if (!MessageDigest.isEqual(ChainHash.next(entry.getPrevHash().bytes(), event), hash)) {
            return ProofVerdict.invalid(BreakKind.MODIFIED_EVENT, "hash is not SHA-256(prevHash || event)");
        }
        try {
            if (!CanonicalAccessEvent.decode(event).getEventId().equals(entry.getEventId())) {
                return ProofVerdict.invalid(BreakKind.MODIFIED_EVENT, "eventId differs from the stored event's id");
            }
        } catch (CanonicalEncodingException e) {
            return ProofVerdict.invalid(BreakKind.UNDECODABLE, "the stored event does not decode");
        }
        long size = checkpoint.getLastSequence() - checkpoint.getFirstSequence() + 1;
        if (entry.getPartition() != checkpoint.getPartition()
                || entry.getSequence() != checkpoint.getFirstSequence() + leafIndex
                || treeSize != size) {
            return ProofVerdict.invalid(
                    BreakKind.BAD_MERKLE_ROOT, "the checkpoint does not cover this entry at this index");
        }
        if (!MerkleTree.verifyInclusion(
                hash, leafIndex, treeSize, auditPath, checkpoint.getMerkleRoot().bytes())) {
            return ProofVerdict.invalid(
                    BreakKind.BAD_MERKLE_ROOT, "the audit path does not lead to the checkpoint's merkleRoot");
        }
        return ProofVerdict.valid(String.format(
                Locale.ROOT,
                "event %s is sequence %d of partition %d, under the checkpoint of %d..%d signed by %s at %s",
                entry.getEventId(),
                entry.getSequence(),
                entry.getPartition(),
                checkpoint.getFirstSequence(),
                checkpoint.getLastSequence(),
                keyId,
                checkpoint.getSignedAt()));
    }

    /** The JSON form (§8). */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("entryOffset", entryOffset);
        root.set("entry", RecordJson.entry(entry));
        root.put("leafIndex", leafIndex);
        root.put("treeSize", treeSize);
        ArrayNode path = root.putArray("auditPath");
        auditPath.forEach(node -> path.add(Hex.encode(node)));
        root.put("checkpointOffset", checkpointOffset);
        root.set("checkpoint", RecordJson.checkpoint(checkpoint));
        return root;
    }

    /**
     * Reads the JSON form.
     *
     * @throws IOException when it is not JSON, not of {@link #FORMAT} or lacks a field
     */
    public static InclusionProof parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not an inclusion proof of format " + FORMAT);
        }
        List<byte[]> path = new ArrayList<>();
        for (JsonNode node : RecordJson.required(root, "auditPath")) {
            path.add(RecordJson.hex(node.asText(), "auditPath"));
        }
        return new InclusionProof(
                RecordJson.entry(RecordJson.required(root, "entry")),
                root.path("entryOffset").asLong(-1),
                RecordJson.required(root, "leafIndex").asLong(),
                RecordJson.required(root, "treeSize").asLong(),
                path,
                RecordJson.checkpoint(RecordJson.required(root, "checkpoint")),
                root.path("checkpointOffset").asLong(-1));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
