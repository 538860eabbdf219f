package dev.ctx.processor.audit;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One record of the dedup window, stored form v1 (docs/audit-sealer.md, "State"): the event ids sealed at
 * {@link #SIZE} consecutive sequences {@code firstSequence .. firstSequence + 63}, {@code firstSequence} a multiple of
 * {@link #SIZE}. Big-endian: u8 version {@code 01}, i64 firstSequence, then for each sequence in order, up to
 * {@link #SIZE}: u32 byte length n and n bytes of UTF-8 event id (n = 0: not known, never a sealed id). Anything else
 * (other version, a first sequence that is negative or not a multiple of 64, more than 64 ids, a length past the end,
 * malformed UTF-8) fails the task: the dedup window is never guessed.
 */
final class SealedIdBlock {

    /** Sequences per block. */
    static final int SIZE = 64;

    static final byte VERSION = 1;
    private static final int HEADER = 1 + Long.BYTES;

    private final long firstSequence;
    private byte[] bytes;
    private int length;
    private int count;

    private SealedIdBlock(long firstSequence) {
        this.firstSequence = firstSequence;
        this.bytes = new byte[HEADER + 16 * SIZE];
        ByteBuffer.wrap(bytes).put(VERSION).putLong(firstSequence);
        this.length = HEADER;
    }

    /** An empty block for the sequences from {@code firstSequence}, a multiple of {@link #SIZE}. */
    static SealedIdBlock starting(long firstSequence) {
        if (firstSequence < 0 || firstSequence % SIZE != 0) {
            throw new IllegalArgumentException("a block starts at a multiple of " + SIZE + ", not " + firstSequence);
        }
        return new SealedIdBlock(firstSequence);
    }

    /** The block of {@code sequence}'s ids before it: those of {@code stored} (if it is that block), else unknown. */
    static SealedIdBlock resume(long sequence, Parsed stored) {
        SealedIdBlock block = starting(sequence - sequence % SIZE);
        int known = stored != null && stored.firstSequence() == block.firstSequence
                ? stored.ids().size()
                : 0;
        for (int i = 0; i < sequence % SIZE; i++) {
            block.add(i < known ? stored.ids().get(i) : "");
        }
        return block;
    }

    long firstSequence() {
        return firstSequence;
    }

    /** The sequence the next {@link #add} is for. */
    long nextSequence() {
        return firstSequence + count;
    }

    boolean full() {
        return count == SIZE;
    }

    /** Adds the id sealed at {@link #nextSequence()}. */
    void add(String eventId) {
        if (full()) {
            throw new IllegalStateException("block from " + firstSequence + " is full");
        }
        byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
        int needed = length + Integer.BYTES + id.length;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        ByteBuffer.wrap(bytes, length, Integer.BYTES + id.length)
                .putInt(id.length)
                .put(id);
        length = needed;
        count++;
    }

    /** The stored form of the block as it is now (a copy). */
    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** The block as it was stored: {@link #parse} checks it. */
    static SealedIdBlock stored(byte[] stored) {
        Parsed parsed = parse(stored);
        SealedIdBlock block = starting(parsed.firstSequence());
        parsed.ids().forEach(block::add);
        return block;
    }

    /** The stored form as ids, for a task rebuilding its window index. */
    Parsed parsed() {
        return parse(bytes());
    }

    /** Stored form v1 both ways; a store writes a block's bytes when it commits (not on every put). */
    static Serde<SealedIdBlock> serde() {
        return Serdes.serdeFrom(
                (topic, block) -> block == null ? null : block.bytes(),
                (topic, stored) -> stored == null ? null : stored(stored));
    }

    /** Parses a stored block. */
    static Parsed parse(byte[] stored) {
        try {
            ByteBuffer in = ByteBuffer.wrap(stored);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("unknown sealed-id block version " + version);
            }
            long first = in.getLong();
            if (first < 0 || first % SIZE != 0) {
                throw new SerializationException("a sealed-id block does not start at " + first);
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            List<String> ids = new ArrayList<>();
            while (in.hasRemaining()) {
                if (ids.size() == SIZE) {
                    throw new SerializationException("more than " + SIZE + " ids in a sealed-id block");
                }
                int n = in.getInt();
                if (n < 0 || n > in.remaining()) {
                    throw new SerializationException("an id length of " + n + " runs past the block");
                }
                ByteBuffer id = in.slice(in.position(), n);
                in.position(in.position() + n);
                ids.add(utf8.decode(id).toString());
            }
            return new Parsed(first, ids);
        } catch (BufferUnderflowException | CharacterCodingException e) {
            throw new SerializationException(
                    "malformed sealed-id block: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A stored block read back.
     *
     * @param firstSequence the sequence of {@code ids.get(0)}
     * @param ids the ids in sequence order; an empty one is not known
     */
    record Parsed(long firstSequence, List<String> ids) {

        Parsed {
            ids = List.copyOf(ids);
        }
    }
}
