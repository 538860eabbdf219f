package dev.ctx.client.auditlog;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.CanonicalEncodingException;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.MerkleTree;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * The verification state of one partition (docs/access-log-chain.md §6): the chain head, the Merkle tree builder over
 * the entries since the last matched checkpoint, and the checkpoints not yet reached. Stops at the first break. Two
 * anomalies are classified one entry later: a sequence jump is {@link BreakKind#REORDERED} when the next entry holds
 * the missing sequence (a swap), else {@link BreakKind#SEQUENCE_GAP}; two entries for one position (same sequence
 * and prevHash) are {@link BreakKind#INJECTED}, the injected one being the one the next entry does not continue.
 */
final class PartitionChain {

    private static final int FORMAT_VERSION = 1;

    private final int partition;
    private final AccessLogTopics topics;
    private final SigningKeys keys;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final MessageDigest sha = ChainHash.sha256();

    private long expectedSequence;
    private byte[] lastHash;
    private byte[] lastPrevHash;
    private long lastOffset = -1;
    private MerkleTree.Builder tree = new MerkleTree.Builder();

    private long lastCheckpointSequence = -1;
    private byte[] lastCheckpointDigest = CheckpointSigningInput.noPrevious().bytes();
    private long skipThrough = -1;

    private Held held;
    private ChainBreak broken;

    private long entries;
    private long firstSequence = -1;
    private long checkpoints;
    private long skipped;

    PartitionChain(int partition, AccessLogTopics topics, SigningKeys keys) {
        this.partition = partition;
        this.topics = topics;
        this.keys = keys;
        this.lastHash = ChainHash.genesis(partition);
    }

    /**
     * Starts the chain after {@code anchor}, a signed checkpoint of this partition: entries up to its
     * {@code lastSequence} are skipped, the next must follow its {@code headHash}, the next checkpoint must follow it.
     */
    void anchorAt(long offset, AccessLogCheckpoint anchor) {
        if (!checkSignature(offset, anchor)) {
            return;
        }
        expectedSequence = anchor.getLastSequence() + 1;
        lastHash = anchor.getHeadHash().bytes();
        lastPrevHash = null;
        lastCheckpointSequence = anchor.getLastSequence();
        lastCheckpointDigest = CheckpointSigningInput.digest(anchor);
        skipThrough = anchor.getLastSequence();
    }

    ChainBreak broken() {
        return broken;
    }

    long entries() {
        return entries;
    }

    void checkpoint(long offset, AccessLogCheckpoint checkpoint) {
        if (broken != null) {
            return;
        }
        if (checkpoint.getFormatVersion() != FORMAT_VERSION) {
            breakAtCheckpoint(offset, BreakKind.UNSUPPORTED_FORMAT, "formatVersion " + checkpoint.getFormatVersion());
            return;
        }
        if (checkpoint.getPartition() != partition) {
            breakAtCheckpoint(offset, BreakKind.WRONG_PARTITION, "partition field " + checkpoint.getPartition());
            return;
        }
        if (!checkSignature(offset, checkpoint)) {
            return;
        }
        if (checkpoint.getFirstSequence() != lastCheckpointSequence + 1
                || checkpoint.getLastSequence() < checkpoint.getFirstSequence()) {
            breakAtCheckpoint(
                    offset,
                    BreakKind.CHECKPOINT_CHAIN_BROKEN,
                    String.format(
                            Locale.ROOT,
                            "covers %d..%d, expected to start at %d",
                            checkpoint.getFirstSequence(),
                            checkpoint.getLastSequence(),
                            lastCheckpointSequence + 1));
            return;
        }
        byte[] digest = CheckpointSigningInput.digest(checkpoint);
        if (!MessageDigest.isEqual(checkpoint.getPreviousCheckpoint().bytes(), lastCheckpointDigest)) {
            breakAtCheckpoint(
                    offset, BreakKind.CHECKPOINT_CHAIN_BROKEN, "previousCheckpoint is not the previous one's digest");
            return;
        }
        if (checkpoint.getLastSequence() < expectedSequence) {
            breakAtCheckpoint(
                    offset,
                    BreakKind.UNDECODABLE,
                    "checkpoint read after the entries it covers (an export lists checkpoints first)");
            return;
        }
        lastCheckpointSequence = checkpoint.getLastSequence();
        lastCheckpointDigest = digest;
        pending.addLast(new Pending(offset, checkpoint));
    }

    void entry(long offset, SealedAccessEvent entry) {
        if (broken != null) {
            return;
        }
        if (held != null) {
            resolve(entry);
            return;
        }
        if (entry.getFormatVersion() != FORMAT_VERSION) {
            breakAtEntry(offset, BreakKind.UNSUPPORTED_FORMAT, "formatVersion " + entry.getFormatVersion());
            return;
        }
        if (entry.getPartition() != partition) {
            breakAtEntry(offset, BreakKind.WRONG_PARTITION, "partition field " + entry.getPartition());
            return;
        }
        long sequence = entry.getSequence();
        if (sequence <= skipThrough && entries == 0) {
            skipped++;
            return;
        }
        byte[] prevHash = entry.getPrevHash().bytes();
        byte[] hash = entry.getHash().bytes();
        byte[] event = bytes(entry.getEvent());
        if (!MessageDigest.isEqual(ChainHash.next(sha, prevHash, event), hash)) {
            breakAtEntry(
                    offset, BreakKind.MODIFIED_EVENT, "hash is not SHA-256(prevHash || event), sequence " + sequence);
            return;
        }
        if (!eventIdMatches(offset, entry, event)) {
            return;
        }
        if (sequence == expectedSequence) {
            if (!MessageDigest.isEqual(prevHash, lastHash)) {
                breakAtEntry(offset, BreakKind.BAD_PREV_HASH, "prevHash is not the hash of sequence " + (sequence - 1));
                return;
            }
            accept(offset, sequence, prevHash, hash);
        } else if (sequence == expectedSequence - 1
                && lastPrevHash != null
                && MessageDigest.isEqual(prevHash, lastPrevHash)) {
            if (MessageDigest.isEqual(hash, lastHash)) {
                breakAtEntry(offset, BreakKind.INJECTED, "a copy of the entry at offset " + lastOffset);
            } else {
                held = new Held(BreakKind.INJECTED, offset, sequence, hash);
            }
        } else if (sequence < expectedSequence) {
            breakAtEntry(offset, BreakKind.REORDERED, "sequence " + sequence + " after " + (expectedSequence - 1));
        } else {
            held = new Held(BreakKind.SEQUENCE_GAP, offset, sequence, hash);
        }
    }

    void undecodable(String topic, long offset, String reason) {
        if (broken == null) {
            broken = new ChainBreak(topic, partition, offset, BreakKind.UNDECODABLE, reason);
        }
    }

    /** The end of the entries: resolves a held anomaly and checks the log is not shorter than its checkpoints. */
    void end(long endOffset) {
        if (broken != null) {
            return;
        }
        if (held != null) {
            resolve(null);
            return;
        }
        if (!pending.isEmpty()) {
            Pending last = pending.peekLast();
            breakAtEntry(
                    Math.max(endOffset, lastOffset + 1),
                    BreakKind.TRUNCATED,
                    String.format(
                            Locale.ROOT,
                            "the log ends after sequence %d; the checkpoint at offset %d covers up to %d",
                            expectedSequence - 1,
                            last.offset,
                            last.checkpoint.getLastSequence()));
        }
    }

    PartitionSummary summary() {
        return new PartitionSummary(
                partition,
                entries,
                firstSequence,
                entries == 0 ? -1 : expectedSequence - 1,
                checkpoints,
                tree.size(),
                skipped,
                lastOffset);
    }

    private void accept(long offset, long sequence, byte[] prevHash, byte[] hash) {
        if (entries == 0) {
            firstSequence = sequence;
        }
        entries++;
        expectedSequence = sequence + 1;
        lastPrevHash = prevHash;
        lastHash = hash;
        lastOffset = offset;
        tree.append(hash);
        Pending next = pending.peekFirst();
        if (next != null && next.checkpoint.getLastSequence() == sequence) {
            pending.removeFirst();
            matchCheckpoint(next, hash);
        }
    }

    private void matchCheckpoint(Pending next, byte[] hash) {
        AccessLogCheckpoint checkpoint = next.checkpoint;
        if (!MessageDigest.isEqual(checkpoint.getHeadHash().bytes(), hash)) {
            breakAtCheckpoint(
                    next.offset,
                    BreakKind.BAD_HEAD_HASH,
                    "headHash is not the hash of sequence " + checkpoint.getLastSequence());
            return;
        }
        if (!MessageDigest.isEqual(checkpoint.getMerkleRoot().bytes(), tree.root())) {
            breakAtCheckpoint(
                    next.offset,
                    BreakKind.BAD_MERKLE_ROOT,
                    String.format(
                            Locale.ROOT,
                            "merkleRoot is not the tree hash over sequences %d..%d",
                            checkpoint.getFirstSequence(),
                            checkpoint.getLastSequence()));
            return;
        }
        checkpoints++;
        tree = new MerkleTree.Builder();
    }

    private boolean checkSignature(long offset, AccessLogCheckpoint checkpoint) {
        String keyId = checkpoint.getSigningKeyId();
        if (!keys.knows(keyId)) {
            breakAtCheckpoint(offset, BreakKind.UNKNOWN_SIGNING_KEY, "signingKeyId " + keyId + " is not published");
            return false;
        }
        if (!keys.verifies(keyId, CheckpointSigningInput.bytes(checkpoint), bytes(checkpoint.getSignature()))) {
            breakAtCheckpoint(offset, BreakKind.BAD_SIGNATURE, "the signature does not verify under " + keyId);
            return false;
        }
        return true;
    }

    /**
     * The entry's eventId must be its stored event's: read from the event's first field without decoding the rest
     * (the chain hash already binds every byte of the event; docs/access-log-chain.md §6).
     */
    private boolean eventIdMatches(long offset, SealedAccessEvent entry, byte[] event) {
        boolean matches;
        try {
            matches = CanonicalAccessEvent.hasEventId(event, entry.getEventId());
        } catch (CanonicalEncodingException e) {
            breakAtEntry(offset, BreakKind.UNDECODABLE, "the stored event does not decode: " + e.getMessage());
            return false;
        }
        if (!matches) {
            breakAtEntry(offset, BreakKind.MODIFIED_EVENT, "eventId differs from the stored event's id");
            return false;
        }
        return true;
    }

    private void resolve(SealedAccessEvent next) {
        Held anomaly = held;
        held = null;
        if (anomaly.kind == BreakKind.SEQUENCE_GAP) {
            if (next != null && next.getSequence() == expectedSequence) {
                breakAtEntry(
                        anomaly.offset,
                        BreakKind.REORDERED,
                        "sequence " + anomaly.sequence + " before " + expectedSequence);
            } else {
                breakAtEntry(
                        anomaly.offset,
                        BreakKind.SEQUENCE_GAP,
                        String.format(Locale.ROOT, "sequence %d follows %d", anomaly.sequence, expectedSequence - 1));
            }
            return;
        }
        boolean nextFollowsSecond =
                next != null && MessageDigest.isEqual(next.getPrevHash().bytes(), anomaly.hash);
        long injectedAt = nextFollowsSecond ? lastOffset : anomaly.offset;
        breakAtEntry(injectedAt, BreakKind.INJECTED, "a second entry for sequence " + anomaly.sequence);
    }

    private void breakAtEntry(long offset, BreakKind kind, String detail) {
        broken = new ChainBreak(topics.entries(), partition, offset, kind, detail);
    }

    private void breakAtCheckpoint(long offset, BreakKind kind, String detail) {
        broken = new ChainBreak(topics.checkpoints(), partition, offset, kind, detail);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer.hasArray()
                && buffer.arrayOffset() == 0
                && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private record Pending(long offset, AccessLogCheckpoint checkpoint) {}

    /** An anomaly classified by the next entry. */
    private static final class Held {
        private final BreakKind kind;
        private final long offset;
        private final long sequence;
        private final byte[] hash;

        Held(BreakKind kind, long offset, long sequence, byte[] hash) {
            this.kind = kind;
            this.offset = offset;
            this.sequence = sequence;
            this.hash = hash;
        }
    }
}
