package dev.ctx.schemas.serde;

import java.io.ByteArrayOutputStream;

/**
 * The Confluent framing: {@code 0x00}, the schema id as a big-endian int32, then the Avro binary body.
 * Version 0 of this layout is the only one; it is pinned by golden files.
 */
public final class ConfluentWireFormat {

    /** The magic byte that starts every framed payload. */
    public static final byte MAGIC_BYTE = 0x00;
    /** Bytes before the Avro body: magic byte plus 4-byte schema id. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {}

    /** Returns a stream that already holds the header for {@code schemaId}; the caller appends the Avro body. */
    public static ByteArrayOutputStream startFrame(int schemaId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        writeHeader(out, schemaId);
        return out;
    }

    /** Appends the header for {@code schemaId} to {@code out}. */
    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * Returns the schema id of a framed payload.
     *
     * @throws InvalidWireFormatException if the payload is shorter than the header or the magic byte is wrong
     */
    public static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new InvalidWireFormatException(
                    topic,
                    "payload of " + payload.length + " bytes is shorter than the " + HEADER_SIZE
                            + "-byte Confluent header");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new InvalidWireFormatException(
                    topic,
                    String.format(
                            "unknown magic byte 0x%02x (expected 0x00): not Confluent-framed Avro", payload[0] & 0xff));
        }
        return ((payload[1] & 0xff) << 24)
                | ((payload[2] & 0xff) << 16)
                | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
    }
}
