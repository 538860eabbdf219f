package dev.ctx.keyservice.lookup;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The view store's value serde: {@link ViewEntryFormatV1}; {@code null} stays {@code null}. */
public final class ViewEntrySerde implements Serde<ViewEntry> {

    @Override
    public Serializer<ViewEntry> serializer() {
        return (topic, entry) -> entry == null ? null : ViewEntryFormatV1.encode(entry);
    }

    @Override
    public Deserializer<ViewEntry> deserializer() {
        return (topic, bytes) -> bytes == null ? null : ViewEntryFormatV1.decode(bytes);
    }
}
