package dev.ctx.keyservice.lookup;

import java.util.function.UnaryOperator;

import org.apache.kafka.streams.state.KeyValueStore;

/** Read-modify-write of one view entry; writes (and so logs to the changelog) only a changed entry. */
final class ViewStores {

    private ViewStores() {}

    static void update(KeyValueStore<String, ViewEntry> store, String id, UnaryOperator<ViewEntry> change) {
        ViewEntry current = store.get(id);
        ViewEntry before = current == null ? ViewEntry.empty() : current;
        ViewEntry after = change.apply(before);
        if (!after.equals(before)) {
            store.put(id, after);
        }
    }
}
