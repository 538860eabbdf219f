package dev.ctx.processor.rewrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.ctx.processor.metrics.RewrapMetrics;

/**
 * The queued rewraps of one stream task, (participant, txnId) -> target version, with a count per participant kept in
 * memory (rebuilt from the store when the task starts) and published as the pending gauge. Batches are taken from a
 * cursor that moves on through the queue, so items answered "retry later" do not starve the rest.
 */
final class PendingRewraps {

    /** One queued item. */
    record Pending(String participant, String transactionId, int toVersion) {}

    private final KeyValueStore<String, Integer> store;
    private final RewrapMetrics metrics;
    private final String taskId;
    private final Map<String, Long> counts = new HashMap<>();
    private String cursor;

    PendingRewraps(KeyValueStore<String, Integer> store, RewrapMetrics metrics, String taskId) {
        this.store = store;
        this.metrics = metrics;
        this.taskId = taskId;
        try (KeyValueIterator<String, Integer> all = store.all()) {
            all.forEachRemaining(entry -> counts.merge(RewrapStores.participantOf(entry.key), 1L, Long::sum));
        }
        counts.forEach((participant, count) -> metrics.pending(participant, taskId, count));
    }

    /** Queues (or retargets) the rewrap of {@code participant}'s wrap in {@code transactionId}. */
    void enqueue(String participant, String transactionId, int toVersion) {
        String key = RewrapStores.pendingKey(participant, transactionId);
        if (store.get(key) == null) {
            change(participant, 1);
        }
        store.put(key, toVersion);
    }

    void remove(String participant, String transactionId) {
        String key = RewrapStores.pendingKey(participant, transactionId);
        if (store.get(key) != null) {
            store.delete(key);
            change(participant, -1);
        }
    }

    /** Up to {@code limit} queued items, from the cursor on (wrapping around once), in key order. */
    List<Pending> next(int limit) {
        List<Pending> batch = new ArrayList<>();
        String start = cursor;
        if (start != null) {
            collect(store.range(start, null), batch, limit);
        }
        if (batch.size() < limit) {
            try (KeyValueIterator<String, Integer> head = store.all()) {
                while (head.hasNext() && batch.size() < limit) {
                    KeyValue<String, Integer> entry = head.next();
                    if (start != null && entry.key.compareTo(start) >= 0) {
                        break;
                    }
                    batch.add(pendingOf(entry));
                }
            }
        }
        cursor = batch.isEmpty()
                ? null
                : RewrapStores.pendingKey(batch.get(batch.size() - 1).participant(), lastTransaction(batch))
                        + RewrapStores.SEPARATOR;
        return batch;
    }

    long count(String participant) {
        return counts.getOrDefault(participant, 0L);
    }

    /** Reports zero for every participant of this task (the task is closing or migrating). */
    void release() {
        counts.keySet().forEach(participant -> metrics.pending(participant, taskId, 0));
    }

    private static void collect(KeyValueIterator<String, Integer> range, List<Pending> batch, int limit) {
        try (range) {
            while (range.hasNext() && batch.size() < limit) {
                batch.add(pendingOf(range.next()));
            }
        }
    }

    private static String lastTransaction(List<Pending> batch) {
        return batch.get(batch.size() - 1).transactionId();
    }

    private static Pending pendingOf(KeyValue<String, Integer> entry) {
        return new Pending(
                RewrapStores.participantOf(entry.key), RewrapStores.transactionOfPendingKey(entry.key), entry.value);
    }

    private void change(String participant, long delta) {
        long count = counts.merge(participant, delta, Long::sum);
        metrics.pending(participant, taskId, count);
    }
}
