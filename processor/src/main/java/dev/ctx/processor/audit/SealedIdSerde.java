package dev.ctx.processor.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stored form v1 of a {@link SealedId} (docs/audit-sealer.md, "State"), big-endian: u8 version {@code 01}, i64
 * sequence, then the event id in UTF-8 (the rest of the value, at least one byte). Anything else (other version, a
 * short value, a negative sequence, malformed UTF-8) fails the task: the dedup window is never guessed.
 */
final class SealedIdSerde implements Serde<SealedId> {

    static final byte VERSION = 1;
    private static final int FIXED = 1 + Long.BYTES;

    @Override
    public Serializer<SealedId> serializer() {
        return (topic, id) -> id == null ? null : bytes(id);
    }

    @Override
    public Deserializer<SealedId> deserializer() {
        return (topic, bytes) -> bytes == null ? null : parse(bytes);
    }

    static byte[] bytes(SealedId id) {
        byte[] eventId = id.eventId().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED + eventId.length)
                .put(VERSION)
                .putLong(id.sequence())
                .put(eventId)
                .array();
    }

    static SealedId parse(byte[] bytes) {
        if (bytes.length <= FIXED) {
            throw new SerializationException("a sealed id is " + FIXED + " bytes and an id, was " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new SerializationException("unknown sealed id version " + version);
        }
        long sequence = in.getLong();
        try {
            String eventId = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
            return new SealedId(sequence, eventId);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw new SerializationException("malformed sealed id: " + e.getClass().getSimpleName(), e);
        }
    }
}
