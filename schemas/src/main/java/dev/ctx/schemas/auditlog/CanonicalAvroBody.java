package dev.ctx.schemas.auditlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.avro.Schema;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;

/**
 * An access event whose Avro binary body, as a producer wrote it, is already its canonical encoding's body: the
 * canonical bytes are the v1 header and those body bytes, with no decode and re-encode. {@link #read} proves that
 * with one strict pass over the body under AccessEvent v4, and answers null for any body it cannot prove, which the
 * caller then decodes and encodes ({@link #encoded}): both ways give the same bytes, id and time.
 *
 * <p>A body is canonical when it is exactly what the canonical writer writes for the event it decodes to: every
 * varint minimal and in range, every string well-formed UTF-8 (RFC 3629; a decoder replaces anything else, so its
 * bytes would change), enum ordinals and union branches in range, the array and the map in one block of a positive
 * count then the end marker (or just the end marker when empty), the map's keys ASCII and strictly ascending (so
 * byte order is {@link String#compareTo} order and no key repeats), and no byte after the last field. Bodies of other
 * producers (several blocks, unsorted or non-ASCII keys) are valid Avro that this pass leaves to the decoder.
 */
public final class CanonicalAvroBody {

    private static final byte[] HEADER = CanonicalAccessEvent.header();
    private static final int TYPES = AccessEventType.values().length;
    private static final int OUTCOMES = AccessOutcome.values().length;
    private static final boolean COMPILED_V4 = CanonicalAccessEvent.writesV4(AccessEvent.getClassSchema());

    private final String eventId;
    private final long timestampMillis;
    private final byte[] canonical;

    private CanonicalAvroBody(String eventId, long timestampMillis, byte[] canonical) {
        this.eventId = eventId;
        this.timestampMillis = timestampMillis;
        this.canonical = canonical;
    }

    /**
     * Whether bodies written with {@code writer} can be read by {@link #read}: the writer and the compiled-in
     * AccessEvent schema are both v4 (the fingerprint {@link CanonicalAccessEvent} writes field by field).
     */
    public static boolean readsBodiesOf(Schema writer) {
        return COMPILED_V4 && CanonicalAccessEvent.writesV4(writer);
    }

    /**
     * The event whose v4 body is {@code payload[from ..]} (to the end), if that body is canonical and its event id
     * is not empty; otherwise null. The caller has checked that the writer schema {@link #readsBodiesOf} applies.
     */
    public static CanonicalAvroBody read(byte[] payload, int from) {
        Cursor body = new Cursor(payload, from);
        if (!body.nonEmptyString()) {
            return null;
        }
        int idEnd = body.position;
        int idStart = idEnd - body.lastLength;
        boolean canonical = body.ordinal(TYPES)
                && body.optionalString() // transactionId
                && body.optionalString() // subject
                && body.string() // requester
                && body.optionalString() // purpose
                && body.optionalString() // authorizedBy
                && body.stringArray() // dataAccessed
                && body.optionalString() // ip
                && body.optionalString() // userAgent
                && body.timestamp()
                && body.ordinal(OUTCOMES)
                && body.optionalString() // reason
                && body.string() // source
                && body.sortedAsciiKeyedMap() // attributes
                && body.position == payload.length;
        if (!canonical) {
            return null;
        }
        byte[] bytes = new byte[HEADER.length + payload.length - from];
        System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
        System.arraycopy(payload, from, bytes, HEADER.length, payload.length - from);
        String eventId = new String(payload, idStart, idEnd - idStart, StandardCharsets.UTF_8);
        return new CanonicalAvroBody(eventId, body.timestamp, bytes);
    }

    /**
     * The same for an event that had to be decoded: its canonical encoding by {@code encoder} ({@link
     * CanonicalAccessEvent#encoder()}), with its id and time. Throws what the encoder throws for an event it cannot
     * write.
     */
    public static CanonicalAvroBody encoded(AccessEvent event, CanonicalAccessEvent.Encoder encoder) {
        byte[] canonical = encoder.encode(event);
        return new CanonicalAvroBody(event.getEventId(), event.getTimestamp().toEpochMilli(), canonical);
    }

    /** The event id (the body's first field). */
    public String eventId() {
        return eventId;
    }

    /** The event's {@code timestamp} field, milliseconds since the epoch. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** The canonical encoding v1 of the event (a copy is not made: the caller owns the array). */
    public byte[] canonical() {
        return canonical;
    }

    /** Names the event only by its coordinates: its content may be confidential. */
    @Override
    public String toString() {
        return "CanonicalAvroBody[" + canonical.length + " bytes]";
    }

    /** One pass over a body: each method consumes one field and answers whether it was canonical. */
    private static final class Cursor {

        private static final long NOT_CANONICAL = Long.MIN_VALUE;

        private final byte[] in;
        private int position;
        private int lastLength;
        private long timestamp;

        Cursor(byte[] in, int position) {
            this.in = in;
            this.position = position;
        }

        boolean nonEmptyString() {
            return string() && lastLength > 0;
        }

        boolean string() {
            long length = intValue();
            if (length < 0 || length > in.length - position) {
                return false;
            }
            int start = position;
            position += (int) length;
            lastLength = (int) length;
            return WellFormedUtf8.check(in, start, position);
        }

        boolean optionalString() {
            long branch = intValue();
            return branch == 0 || (branch == 1 && string());
        }

        boolean ordinal(int symbols) {
            long ordinal = intValue();
            return ordinal >= 0 && ordinal < symbols;
        }

        boolean timestamp() {
            long start = position;
            long zigZag = varint(10);
            if (position == start) {
                return false;
            }
            timestamp = (zigZag >>> 1) ^ -(zigZag & 1);
            return true;
        }

        boolean stringArray() {
            long count = intValue();
            if (count <= 0) {
                return count == 0;
            }
            for (long i = 0; i < count; i++) {
                if (!string()) {
                    return false;
                }
            }
            return intValue() == 0;
        }

        boolean sortedAsciiKeyedMap() {
            long count = intValue();
            if (count <= 0) {
                return count == 0;
            }
            int previousStart = 0;
            int previousEnd = 0;
            for (long i = 0; i < count; i++) {
                if (!string()) {
                    return false;
                }
                int keyEnd = position;
                int keyStart = keyEnd - lastLength;
                if (!ascii(keyStart, keyEnd)
                        || (i > 0 && Arrays.compareUnsigned(in, previousStart, previousEnd, in, keyStart, keyEnd) >= 0)
                        || !string()) {
                    return false;
                }
                previousStart = keyStart;
                previousEnd = keyEnd;
            }
            return intValue() == 0;
        }

        private boolean ascii(int from, int to) {
            for (int i = from; i < to; i++) {
                if (in[i] < 0) {
                    return false;
                }
            }
            return true;
        }

        /** A zig-zag int (at most 5 bytes, 32 bits); a negative answer for anything not canonical or negative. */
        private long intValue() {
            int start = position;
            long zigZag = varint(5);
            if (position == start || zigZag > 0xFFFF_FFFFL) {
                return -1;
            }
            return (zigZag >>> 1) ^ -(zigZag & 1);
        }

        /**
         * A minimal unsigned varint of at most {@code maxBytes} bytes; on anything else, the position does not move
         * (callers treat that as not canonical). A 10-byte varint's last byte holds one bit.
         */
        private long varint(int maxBytes) {
            int start = position;
            long value = 0;
            for (int i = 0; i < maxBytes && position < in.length; i++) {
                int b = in[position++] & 0xFF;
                value |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    if ((b == 0 && i > 0) || (i == 9 && b > 1)) {
                        break;
                    }
                    return value;
                }
            }
            position = start;
            return NOT_CANONICAL;
        }
    }
}
