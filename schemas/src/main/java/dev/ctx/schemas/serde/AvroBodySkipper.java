package dev.ctx.schemas.serde;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;

/**
 * The validation pass over an Avro body before it is read: walks the writer schema item by item. Unlike
 * {@code GenericDatumReader.skip}, it never skips an array or map block by the byte size its (negative) count
 * declares: a block claiming 2^41 items in 0 bytes would pass that skip, and the read that follows pre-sizes a list
 * for the claimed count. Here every item is consumed, and the items of one array or map may not outnumber the bytes
 * of the payload (each item of the schemas served here takes at least one byte), so the pass ends within the payload.
 */
final class AvroBodySkipper {

    private final BinaryDecoder in;
    private final long maxItems;

    private AvroBodySkipper(BinaryDecoder in, long maxItems) {
        this.in = in;
        this.maxItems = maxItems;
    }

    /**
     * Consumes one datum of {@code schema} from {@code in}.
     *
     * @param payloadLength the bytes of the payload: the cap on the items of one array or map
     * @throws IOException on truncated input or an impossible item count
     */
    static void skip(Schema schema, BinaryDecoder in, int payloadLength) throws IOException {
        new AvroBodySkipper(in, payloadLength).skip(schema);
    }

    private void skip(Schema schema) throws IOException {
        switch (schema.getType()) {
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    skip(field.schema());
                }
            }
            case ENUM -> in.readEnum();
            case ARRAY -> {
                long seen = 0;
                for (long count = in.readArrayStart(); count != 0; count = in.arrayNext()) {
                    seen = countItems(seen, count);
                    for (long i = 0; i < count; i++) {
                        skip(schema.getElementType());
                    }
                }
            }
            case MAP -> {
                long seen = 0;
                for (long count = in.readMapStart(); count != 0; count = in.mapNext()) {
                    seen = countItems(seen, count);
                    for (long i = 0; i < count; i++) {
                        in.skipString();
                        skip(schema.getValueType());
                    }
                }
            }
            case UNION -> skip(schema.getTypes().get(branch(schema)));
            case FIXED -> in.skipFixed(schema.getFixedSize());
            case STRING -> in.skipString();
            case BYTES -> in.skipBytes();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case NULL -> in.readNull();
        }
    }

    private long countItems(long seen, long count) throws IOException {
        if (count < 0 || count > maxItems - seen) {
            throw new IOException("a block claims more items than the payload has bytes");
        }
        return seen + count;
    }

    private int branch(Schema union) throws IOException {
        int index = in.readIndex();
        if (index < 0 || index >= union.getTypes().size()) {
            throw new IOException("union branch out of range");
        }
        return index;
    }
}
