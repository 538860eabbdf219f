package dev.ctx.processor.keys;

import java.util.Optional;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import dev.ctx.schemas.keys.ParticipantKeyring;

/** A {@link KeyringLookup} over the timestamped global store that materializes {@code participant-keys}. */
public final class StoreKeyringLookup implements KeyringLookup {

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> store;

    public StoreKeyringLookup(ReadOnlyKeyValueStore<String, ValueAndTimestamp<ParticipantKeyring>> store) {
        this.store = store;
    }

    @Override
    public Optional<ParticipantKeyring> find(String participantId) {
        return Optional.ofNullable(store.get(participantId)).map(ValueAndTimestamp::value);
    }
}
