package dev.ctx.processor.audit;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.ctx.schemas.auditlog.ChainHash;

/**
 * The stored form v1 of a {@link ChainHead} (docs/audit-sealer.md, "State"), big-endian: u8 version {@code 01}, u32
 * partition, i64 nextSequence, 32 lastHash, i64 checkpointFrom, 32 previousCheckpoint, i64 lastCheckpointAt
 * (milliseconds since the epoch), u8 frontier count k (= bit count of nextSequence - checkpointFrom), k x 32 frontier
 * hashes, largest subtree first. Anything else (other version, trailing bytes, a frontier that does not fit) fails the
 * task: a chain head is never guessed.
 */
final class ChainHeadSerde implements Serde<ChainHead> {

    static final byte VERSION = 1;
    private static final int FIXED = 1 + 4 + 8 + ChainHash.LENGTH + 8 + ChainHash.LENGTH + 8 + 1;

    @Override
    public Serializer<ChainHead> serializer() {
        return (topic, head) -> head == null ? null : bytes(head);
    }

    @Override
    public Deserializer<ChainHead> deserializer() {
        return (topic, bytes) -> bytes == null ? null : parse(bytes);
    }

    static byte[] bytes(ChainHead head) {
        List<byte[]> frontier = head.frontier();
        ByteBuffer out = ByteBuffer.allocate(FIXED + frontier.size() * ChainHash.LENGTH);
        out.put(VERSION);
        out.putInt(head.partition());
        out.putLong(head.nextSequence());
        out.put(head.lastHash());
        out.putLong(head.checkpointFrom());
        out.put(head.previousCheckpoint());
        out.putLong(head.lastCheckpointAtMillis());
        out.put((byte) frontier.size());
        frontier.forEach(out::put);
        return out.array();
    }

    static ChainHead parse(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("unknown chain head version " + version);
            }
            int partition = in.getInt();
            long nextSequence = in.getLong();
            byte[] lastHash = hash(in);
            long checkpointFrom = in.getLong();
            byte[] previous = hash(in);
            long lastCheckpointAt = in.getLong();
            int count = Byte.toUnsignedInt(in.get());
            List<byte[]> frontier = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                frontier.add(hash(in));
            }
            if (in.hasRemaining()) {
                throw new SerializationException("trailing bytes after a chain head");
            }
            return new ChainHead(
                    partition, nextSequence, lastHash, checkpointFrom, previous, lastCheckpointAt, frontier);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException(
                    "malformed chain head: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] hash(ByteBuffer in) {
        byte[] hash = new byte[ChainHash.LENGTH];
        in.get(hash);
        return hash;
    }
}
