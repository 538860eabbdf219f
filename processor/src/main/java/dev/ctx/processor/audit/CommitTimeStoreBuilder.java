package dev.ctx.processor.audit;

import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a {@link CommitTimeKeyValueStore} over the store {@code logged} builds, which is changelogged and never
 * cached: the commit-time store holds the writes the record cache would.
 */
final class CommitTimeStoreBuilder<K, V> implements StoreBuilder<KeyValueStore<K, V>> {

    private final StoreBuilder<KeyValueStore<K, V>> logged;

    CommitTimeStoreBuilder(StoreBuilder<KeyValueStore<K, V>> logged) {
        this.logged = logged.withCachingDisabled();
    }

    @Override
    public KeyValueStore<K, V> build() {
        if (!logged.loggingEnabled()) {
            throw new IllegalStateException("store " + name() + " keeps its state only through its changelog");
        }
        return new CommitTimeKeyValueStore<>(logged.build());
    }

    /** Refused: the record cache would hold the writes a second time. */
    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
        throw new UnsupportedOperationException("store " + name() + " holds its writes until the commit itself");
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
        logged.withLoggingEnabled(config);
        return this;
    }

    /** Refused: without its changelog the store would lose its state with the machine. */
    @Override
    public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
        throw new UnsupportedOperationException("store " + name() + " keeps its state only through its changelog");
    }

    @Override
    public Map<String, String> logConfig() {
        return logged.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return logged.loggingEnabled();
    }

    @Override
    public String name() {
        return logged.name();
    }
}
