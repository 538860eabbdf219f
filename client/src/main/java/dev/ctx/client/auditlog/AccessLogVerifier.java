package dev.ctx.client.auditlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * Verifies an access log as a source feeds it (docs/access-log-chain.md §6): every partition's chain, every
 * checkpoint's signature, its place in the checkpoint chain, its head hash and Merkle root, and that the log is not
 * shorter than its checkpoints. Not thread-safe: one source feeds it, then {@link #finish()}.
 *
 * <pre>{@code
 * AccessLogVerifier verifier = new AccessLogVerifier(SigningKeys.read(keyFile), AccessLogTopics.defaults());
 * ExportFileReader.read(exportFile, verifier);
 * VerificationReport report = verifier.finish();
 * }</pre>
 */
public final class AccessLogVerifier implements AccessLogSink {

    /** Entries between two calls of the progress listener. */
    public static final int PROGRESS_INTERVAL = 1 << 16;

    private final SigningKeys keys;
    private final AccessLogTopics topics;
    private final ProgressListener progress;
    private final Map<Integer, PartitionChain> partitions = new TreeMap<>();
    private final List<ChainBreak> sourceBreaks = new ArrayList<>();
    private long entriesRead;
    private long checkpointsRead;

    public AccessLogVerifier(SigningKeys keys, AccessLogTopics topics) {
        this(keys, topics, ProgressListener.NONE);
    }

    public AccessLogVerifier(SigningKeys keys, AccessLogTopics topics, ProgressListener progress) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Verifies {@code partition} from after {@code anchor}, a checkpoint of it (at {@code offset} of the checkpoints
     * topic) whose signature must verify: the entries it covers are skipped, the first one after it must follow its
     * head hash and the next checkpoint must follow it. Call before any record of that partition.
     */
    public void anchorAt(int partition, long offset, AccessLogCheckpoint anchor) {
        chain(partition).anchorAt(offset, anchor);
    }

    @Override
    public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {
        checkpointsRead++;
        chain(partition).checkpoint(offset, checkpoint);
    }

    @Override
    public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
        chain(partition).entry(offset, entry);
        if (++entriesRead % PROGRESS_INTERVAL == 0) {
            progress.progress(entriesRead, checkpointsRead);
        }
    }

    @Override
    public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {
        chain(partition).undecodable(topic, offset, reason);
    }

    @Override
    public void endOfEntries(int partition, long endOffset) {
        chain(partition).end(endOffset);
    }

    /**
     * A break of the source itself rather than of a partition (an export file cut short or malformed): reported with
     * partition -1, {@code offset} the line number.
     */
    public void sourceBroken(String source, long offset, BreakKind kind, String detail) {
        sourceBreaks.add(new ChainBreak(source, -1, offset, kind, detail));
    }

    /** Whether {@code partition} broke already (a source may stop reading it). */
    public boolean broken(int partition) {
        PartitionChain chain = partitions.get(partition);
        return chain != null && chain.broken() != null;
    }

    /** Ends every partition not ended by its source and reports. */
    public VerificationReport finish() {
        List<ChainBreak> breaks = new ArrayList<>(sourceBreaks);
        List<PartitionSummary> summaries = new ArrayList<>();
        for (PartitionChain chain : partitions.values()) {
            chain.end(-1);
            if (chain.broken() != null) {
                breaks.add(chain.broken());
            }
            summaries.add(chain.summary());
        }
        return new VerificationReport(breaks, summaries);
    }

    private PartitionChain chain(int partition) {
        return partitions.computeIfAbsent(partition, p -> new PartitionChain(p, topics, keys));
    }
}
