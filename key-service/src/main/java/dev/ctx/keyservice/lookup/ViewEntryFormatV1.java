package dev.ctx.keyservice.lookup;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Byte layout v1 of the view store's value ({@code docs/key-service-lookup.md}, pinned by
 * {@code golden/view-entry-v1-*.hex}); all integers big-endian: {@code u8 version (1) | u8 flags | i32 generation},
 * then {@code i32 length | bytes} of the record if flag {@code 0x02}, then of the envelope if flag {@code 0x04}.
 * Flag {@code 0x01} marks a shredded entry (no other flag, generation 0). Decoding refuses anything else.
 */
public final class ViewEntryFormatV1 {

    public static final byte VERSION = 1;
    static final int FLAG_SHREDDED = 0x01;
    static final int FLAG_RECORD = 0x02;
    static final int FLAG_ENVELOPE = 0x04;
    private static final int KNOWN_FLAGS = FLAG_SHREDDED | FLAG_RECORD | FLAG_ENVELOPE;
    private static final int HEADER = 6;

    private ViewEntryFormatV1() {}

    public static byte[] encode(ViewEntry entry) {
        Optional<byte[]> record = entry.record();
        Optional<byte[]> envelope = entry.envelope();
        int size = HEADER
                + record.map(bytes -> 4 + bytes.length).orElse(0)
                + envelope.map(bytes -> 4 + bytes.length).orElse(0);
        ByteBuffer out = ByteBuffer.allocate(size);
        int flags = (entry.isShredded() ? FLAG_SHREDDED : 0)
                | (record.isPresent() ? FLAG_RECORD : 0)
                | (envelope.isPresent() ? FLAG_ENVELOPE : 0);
        out.put(VERSION).put((byte) flags).putInt(entry.generation());
        record.ifPresent(bytes -> out.putInt(bytes.length).put(bytes));
        envelope.ifPresent(bytes -> out.putInt(bytes.length).put(bytes));
        return out.array();
    }

    /**
     * Reads a v1 value.
     *
     * @throws ViewEntryFormatException when {@code bytes} is not a well-formed v1 value
     */
    public static ViewEntry decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new ViewEntryFormatException("unknown view entry version " + version);
            }
            int flags = in.get() & 0xFF;
            if ((flags & ~KNOWN_FLAGS) != 0) {
                throw new ViewEntryFormatException("unknown view entry flags " + Integer.toHexString(flags));
            }
            int generation = in.getInt();
            byte[] record = (flags & FLAG_RECORD) != 0 ? part(in) : null;
            byte[] envelope = (flags & FLAG_ENVELOPE) != 0 ? part(in) : null;
            if (in.hasRemaining()) {
                throw new ViewEntryFormatException("trailing bytes after the view entry");
            }
            return ViewEntry.of(record, envelope, generation, (flags & FLAG_SHREDDED) != 0);
        } catch (BufferUnderflowException e) {
            throw new ViewEntryFormatException("truncated view entry");
        } catch (IllegalArgumentException e) {
            throw new ViewEntryFormatException("inconsistent view entry: " + e.getMessage());
        }
    }

    private static byte[] part(ByteBuffer in) {
        int length = in.getInt();
        if (length < 1 || length > in.remaining()) {
            throw new ViewEntryFormatException("view entry part length out of range");
        }
        byte[] part = new byte[length];
        in.get(part);
        return part;
    }
}
