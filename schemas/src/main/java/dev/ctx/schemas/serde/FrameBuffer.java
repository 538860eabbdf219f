package dev.ctx.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * One thread's reusable output buffer and buffered Avro encoder for framing records: a serializer call encodes into
 * it and copies the framed bytes out once, instead of growing a fresh stream from 128 bytes and writing it byte by
 * byte. A buffer that grew past {@value #KEEP_AT_MOST} bytes, or whose encoding failed, is dropped.
 */
final class FrameBuffer {

    static final int KEEP_AT_MOST = 64 * 1024;
    private static final ThreadLocal<FrameBuffer> BUFFERS = ThreadLocal.withInitial(FrameBuffer::new);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private BinaryEncoder encoder;

    private FrameBuffer() {}

    /** The calling thread's buffer. */
    static FrameBuffer current() {
        return BUFFERS.get();
    }

    /** The Confluent frame of {@code record}: header for {@code schemaId}, then its Avro body. */
    <T> byte[] frame(int schemaId, DatumWriter<T> writer, T record) throws IOException {
        out.reset();
        ConfluentWireFormat.writeHeader(out, schemaId);
        try {
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            BUFFERS.remove();
            throw e;
        }
        byte[] framed = out.toByteArray();
        if (framed.length > KEEP_AT_MOST) {
            BUFFERS.remove();
        }
        return framed;
    }
}
