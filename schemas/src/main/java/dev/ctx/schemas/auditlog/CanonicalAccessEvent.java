package dev.ctx.schemas.auditlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

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

    /** Marker {@code C3 01} and the little-endian CRC-64-AVRO fingerprint of the schema: the single-object header. */
    private static final byte[] HEADER = header(AccessEvent.getClassSchema());

    private static final SortedAttributesWriter WRITER =
            new SortedAttributesWriter(AccessEvent.getClassSchema(), SpecificData.getForClass(AccessEvent.class));
    /**
     * The fingerprint of the AccessEvent v4 schema {@link #writeV4} writes field by field; under any other schema
     * the encoding goes through {@link #WRITER}.
     */
    static final long V4_FINGERPRINT = 0x29462ea586589eadL;

    private static final boolean FIELD_BY_FIELD = writesV4(AccessEvent.getClassSchema());
    private static final ThreadLocal<Encoder> OUTPUT = ThreadLocal.withInitial(Encoder::new);
    private static final BinaryMessageDecoder<AccessEvent> DECODER =
            new BinaryMessageDecoder<>(SpecificData.getForClass(AccessEvent.class), AccessEvent.getClassSchema());

    private CanonicalAccessEvent() {}

    /** The canonical bytes of {@code event}; the event itself is not modified. */
    public static byte[] encode(AccessEvent event) {
        return OUTPUT.get().encode(event);
    }

    /**
     * A reusable encoder for one thread (a stream task's processor, say): {@link #encode} without the thread-local
     * lookup. Not thread-safe.
     */
    public static Encoder encoder() {
        return new Encoder();
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

    /** What Avro's writer gives for {@code event}; the reference {@link #writeV4} is checked against. */
    static byte[] encodeWithAvroWriter(AccessEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(HEADER, 0, HEADER.length);
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            WRITER.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static boolean writesV4(Schema schema) {
        return isLayout(schema, V4_FINGERPRINT, "timestamp");
    }

    /**
     * Whether {@code schema} has the Parsing Canonical Form whose fingerprint is {@code fingerprint} and {@code
     * millisField} in milliseconds: a logical type the fingerprint does not cover, yet a hand-written writer depends
     * on.
     */
    static boolean isLayout(Schema schema, long fingerprint, String millisField) {
        Schema.Field field = schema.getField(millisField);
        return SchemaNormalization.parsingFingerprint64(schema) == fingerprint
                && field != null
                && field.schema().getLogicalType() != null
                && "timestamp-millis".equals(field.schema().getLogicalType().getName());
    }

    /**
     * The Avro binary body of {@code event} under AccessEvent v4, field by field in schema order, the attributes
     * sorted: the bytes of {@link #WRITER} without its per-field reflection. A missing required field fails.
     */
    private static void writeV4(AccessEvent event, BinaryEncoder out) throws IOException {
        out.writeString(event.getEventId());
        out.writeEnum(event.getType().ordinal());
        writeOptional(event.getTransactionId(), out);
        writeOptional(event.getSubject(), out);
        out.writeString(event.getRequester());
        writeOptional(event.getPurpose(), out);
        writeOptional(event.getAuthorizedBy(), out);
        List<String> accessed = event.getDataAccessed();
        out.writeArrayStart();
        out.setItemCount(accessed.size());
        for (String name : accessed) {
            out.startItem();
            out.writeString(name);
        }
        out.writeArrayEnd();
        writeOptional(event.getIp(), out);
        writeOptional(event.getUserAgent(), out);
        out.writeLong(event.getTimestamp().toEpochMilli());
        out.writeEnum(event.getOutcome().ordinal());
        writeOptional(event.getReason(), out);
        out.writeString(event.getSource());
        Map<String, String> attributes = event.getAttributes();
        out.writeMapStart();
        out.setItemCount(attributes.size());
        for (Map.Entry<Object, Object> entry : WRITER.getMapEntries(attributes)) {
            out.startItem();
            out.writeString(entry.getKey().toString());
            out.writeString(entry.getValue().toString());
        }
        out.writeMapEnd();
    }

    /** A {@code ["null", "string"]} union. */
    private static void writeOptional(String value, BinaryEncoder out) throws IOException {
        if (value == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeString(value);
        }
    }

    /** The v1 header under the compiled-in schema: marker and fingerprint (a copy). */
    static byte[] header() {
        return HEADER.clone();
    }

    private static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byte[] header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = 0x01;
        for (int i = 0; i < Long.BYTES; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    /**
     * Writes the event straight from the object, no copy: Avro's own writer, except that a map is written in
     * ascending natural order of its keys ({@link String#compareTo} for the generated {@code String} keys); a map
     * already sorted that way is written as it is.
     */
    private static final class SortedAttributesWriter extends SpecificDatumWriter<AccessEvent> {

        SortedAttributesWriter(Schema schema, SpecificData data) {
            super(schema, data);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Iterable<Map.Entry<Object, Object>> getMapEntries(Object map) {
            Map<Object, Object> entries = (Map<Object, Object>) map;
            if (entries.size() < 2 || (entries instanceof SortedMap<?, ?> sorted && sorted.comparator() == null)) {
                return entries.entrySet();
            }
            List<Map.Entry<Object, Object>> sorted = new ArrayList<>(entries.entrySet());
            sorted.sort((a, b) -> ((Comparable) a.getKey()).compareTo(b.getKey()));
            return sorted;
        }
    }

    /** A reusable output buffer and buffered Avro encoder; see {@link #encoder()}. */
    public static final class Encoder {

        /** A buffer that grew past this is dropped after use, so one huge event does not pin its memory. */
        private static final int KEEP_AT_MOST = 64 * 1024;

        private ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        private BinaryEncoder encoder;

        private Encoder() {}

        /** The canonical bytes of {@code event}, as {@link CanonicalAccessEvent#encode}. */
        public byte[] encode(AccessEvent event) {
            bytes.reset();
            bytes.write(HEADER, 0, HEADER.length);
            try {
                encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
                if (FIELD_BY_FIELD) {
                    writeV4(event, encoder);
                } else {
                    WRITER.write(event, encoder);
                }
                encoder.flush();
            } catch (IOException e) {
                drop();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                drop();
                throw e;
            }
            byte[] canonical = bytes.toByteArray();
            if (canonical.length > KEEP_AT_MOST) {
                drop();
            }
            return canonical;
        }

        private void drop() {
            bytes = new ByteArrayOutputStream(512);
            encoder = null;
        }
    }
}
