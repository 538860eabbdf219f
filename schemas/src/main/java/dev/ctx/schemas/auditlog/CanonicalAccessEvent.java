package dev.ctx.schemas.auditlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;

import dev.ctx.schemas.access.AccessEvent;

/**
 * Canonical encoding v1 of an {@link AccessEvent}: the Avro single-object encoding (marker {@code C3 01}, the 8-byte
 * little-endian CRC-64-AVRO fingerprint of the writer schema's parsing canonical form, then the Avro binary body) of
 * the event under the current {@code AccessEvent} schema, with the {@code attributes} map written in ascending order of
 * its keys (Java {@link String#compareTo}, i.e. UTF-16 code units; keys are ASCII coordinates in practice). The same
 * event always gives the same bytes. Layout: {@code docs/access-log-chain.md}.
 */
public final class CanonicalAccessEvent {

    /** The chain format this encoding belongs to. */
    public static final int FORMAT_VERSION = 1;

    private static final BinaryMessageEncoder<AccessEvent> ENCODER =
            new BinaryMessageEncoder<>(SpecificData.getForClass(AccessEvent.class), AccessEvent.getClassSchema());
    private static final BinaryMessageDecoder<AccessEvent> DECODER =
            new BinaryMessageDecoder<>(SpecificData.getForClass(AccessEvent.class), AccessEvent.getClassSchema());

    /** The single-object header of v1: marker {@code C3 01}, then the schema fingerprint, little-endian. */
    private static final byte[] HEADER = header(SchemaNormalization.parsingFingerprint64(AccessEvent.getClassSchema()));

    private CanonicalAccessEvent() {}

    /** The canonical bytes of {@code event}; the event itself is not modified. */
    public static byte[] encode(AccessEvent event) {
        AccessEvent sorted = AccessEvent.newBuilder(event)
                .setAttributes(new TreeMap<>(event.getAttributes()))
                .build();
        try {
            ByteBuffer buffer = ENCODER.encode(sorted);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes canonical bytes back into an event.
     *
     * @throws CanonicalEncodingException when the bytes are not a single-object encoding of a known AccessEvent schema
     */
    public static AccessEvent decode(byte[] canonical) {
        try {
            return DECODER.decode(canonical);
        } catch (BadHeaderException | MissingSchemaException e) {
            throw new CanonicalEncodingException("not a canonical AccessEvent v1: " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new CanonicalEncodingException("malformed canonical AccessEvent body", e);
        }
    }

    /**
     * Whether the event in {@code canonical} has id {@code eventId}, read without decoding the rest of the body: the
     * header must be v1's (marker and the current schema's fingerprint) and the body's first field, {@code eventId}
     * (an Avro string: zig-zag varint length, then UTF-8), must be exactly {@code eventId}'s bytes. For a verifier that
     * binds an entry to its event's id while the chain hash covers every byte of the event; {@link #decode} checks the
     * rest of the body.
     *
     * @throws CanonicalEncodingException when the header is not v1's or the id field is cut short or malformed
     */
    public static boolean hasEventId(byte[] canonical, String eventId) {
        if (canonical.length < HEADER.length || !Arrays.equals(canonical, 0, HEADER.length, HEADER, 0, HEADER.length)) {
            throw new CanonicalEncodingException("not a canonical AccessEvent v1: unknown header or schema", null);
        }
        int position = HEADER.length;
        long zigZag = 0;
        for (int shift = 0; ; shift += 7) {
            if (position >= canonical.length || shift > 28) {
                throw new CanonicalEncodingException("malformed canonical AccessEvent body: eventId length", null);
            }
            int b = canonical[position++] & 0xFF;
            zigZag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        long length = (zigZag >>> 1) ^ -(zigZag & 1);
        if (length < 0 || length > canonical.length - position) {
            throw new CanonicalEncodingException("malformed canonical AccessEvent body: eventId length", null);
        }
        byte[] expected = eventId.getBytes(StandardCharsets.UTF_8);
        return expected.length == length
                && Arrays.equals(canonical, position, position + expected.length, expected, 0, expected.length);
    }

    /** Whether {@code canonical} is exactly what {@link #encode} gives for the event it decodes to. */
    public static boolean isCanonical(byte[] canonical) {
        AccessEvent event = decode(canonical);
        return Arrays.equals(canonical, encode(event));
    }

    private static byte[] header(long fingerprint) {
        ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint);
        return header.array();
    }
}
