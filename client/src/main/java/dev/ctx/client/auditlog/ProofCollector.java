package dev.ctx.client.auditlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * A sink that builds the inclusion proof of one event id as a source feeds the log: per partition it keeps the entry
 * hashes of the checkpoint window being read (memory: one window per partition) and, once the window holding the
 * event is complete, the proof. The proof is only as good as {@link InclusionProof#verify} says: check it.
 */
public final class ProofCollector implements AccessLogSink {

    private final String eventId;
    private final Map<Integer, List<Located>> checkpoints = new HashMap<>();
    private final Map<Integer, Window> windows = new HashMap<>();
    private SealedAccessEvent found;
    private long foundOffset = -1;
    private InclusionProof proof;

    public ProofCollector(String eventId) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public void checkpoint(int partition, long offset, AccessLogCheckpoint checkpoint) {
        checkpoints.computeIfAbsent(partition, p -> new ArrayList<>()).add(new Located(offset, checkpoint));
    }

    @Override
    public void entry(int partition, long offset, String key, SealedAccessEvent entry) {
        if (proof != null || (found != null && found.getPartition() != partition)) {
            return;
        }
        Window window = windows.computeIfAbsent(partition, p -> new Window());
        List<Located> list = checkpoints.getOrDefault(partition, List.of());
        long sequence = entry.getSequence();
        while (window.index < list.size() && list.get(window.index).checkpoint.getLastSequence() < sequence) {
            window.index++;
            window.hashes.clear();
        }
        if (found == null && eventId.equals(entry.getEventId())) {
            found = entry;
            foundOffset = offset;
        }
        if (window.index >= list.size()) {
            return;
        }
        Located covering = list.get(window.index);
        window.hashes.add(entry.getHash().bytes());
        if (found != null && sequence == covering.checkpoint.getLastSequence()) {
            proof = InclusionProof.of(found, foundOffset, covering.checkpoint, covering.offset, window.hashes);
        }
    }

    @Override
    public void undecodable(String topic, int partition, long offset, byte[] value, String reason) {
        // the verifier reports it; a proof is built from decodable entries only
    }

    /** Whether the event was found (perhaps after the last checkpoint, so without a proof). */
    public boolean found() {
        return found != null;
    }

    /** The proof, once the checkpoint window holding the event was read. */
    public Optional<InclusionProof> proof() {
        return Optional.ofNullable(proof);
    }

    private record Located(long offset, AccessLogCheckpoint checkpoint) {}

    private static final class Window {
        private int index;
        private final List<byte[]> hashes = new ArrayList<>();
    }
}
