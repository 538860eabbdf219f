package dev.ctx.processor.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store whose puts are held in memory, as the objects given, and written to the store below (changelogged,
 * uncached) when the task commits: the latest value per key, serialized then. It stands where Kafka Streams' record
 * cache would, without the cache's serialization and bookkeeping on every put, which the sealer pays once per entry
 * and store (docs/audit-sealer.md, "State").
 *
 * <p><b>Relies on a Kafka Streams internal:</b> a store implementing {@link CachedStateStore} has {@link #flushCache()}
 * called when the task prepares its commit, before its producer flushes and the transaction commits (Kafka Streams
 * 4.3 {@code ProcessorStateManager.flushCache}), which is where the record cache writes too; {@link #clearCache()}
 * drops what a task closed dirty had not committed. {@code CommitTimeKeyValueStoreTest} and {@code SealerChangelogIT}
 * fail if a Kafka Streams upgrade stops calling either.
 *
 * <p>A value is stored as it is at the commit: a caller that mutates a value after putting it stores the mutation.
 * Reads see pending puts; every other operation writes them through first (writing early is always safe: the write
 * joins the open transaction).
 */
final class CommitTimeKeyValueStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private final KeyValueStore<K, V> logged;
    private final Map<K, V> pending = new LinkedHashMap<>();

    CommitTimeKeyValueStore(KeyValueStore<K, V> logged) {
        this.logged = logged;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        logged.init(context, root);
    }

    @Override
    public void put(K key, V value) {
        if (value == null) {
            delete(key);
        } else {
            pending.put(key, value);
        }
    }

    @Override
    public V get(K key) {
        V value = pending.get(key);
        return value != null ? value : logged.get(key);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        writeThrough();
        return logged.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        writeThrough();
        logged.putAll(entries);
    }

    @Override
    public V delete(K key) {
        V removed = pending.remove(key);
        V stored = logged.delete(key);
        return removed != null ? removed : stored;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writeThrough();
        return logged.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writeThrough();
        return logged.all();
    }

    @Override
    public long approximateNumEntries() {
        writeThrough();
        return logged.approximateNumEntries();
    }

    /** Writes the pending puts to the changelogged store: called by Kafka Streams as the task prepares its commit. */
    @Override
    public void flushCache() {
        writeThrough();
    }

    /** Drops the pending puts: called by Kafka Streams when a task is closed without committing. */
    @Override
    public void clearCache() {
        pending.clear();
    }

    /** No listener: nothing downstream is forwarded from this store. */
    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    private void writeThrough() {
        pending.forEach(logged::put);
        pending.clear();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        logged.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return logged.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return logged.managesOffsets();
    }

    @Override
    public void close() {
        pending.clear();
        logged.close();
    }

    @Override
    public String name() {
        return logged.name();
    }

    @Override
    public boolean persistent() {
        return logged.persistent();
    }

    @Override
    public boolean isOpen() {
        return logged.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return logged.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return logged.getPosition();
    }
}
