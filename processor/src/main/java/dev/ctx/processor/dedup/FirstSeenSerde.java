package dev.ctx.processor.dedup;

import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value layout of the deduplication store and its changelog (see {@code docs/dedup-store.md}):
 * {@code 0x01 (layout version) || digest (32) || u8 seal-id length (0 or 16) || seal id}. Thread-safe.
 */
public final class FirstSeenSerde {

    /** Layout version byte. */
    public static final byte VERSION = 1;

    private FirstSeenSerde() {}

    /** The serde of the store and its changelog. */
    public static Serde<FirstSeen> create() {
        return Serdes.serdeFrom((Serializer<FirstSeen>) FirstSeenSerde::serialize, (Deserializer<FirstSeen>)
                FirstSeenSerde::deserialize);
    }

    static byte[] serialize(String topic, FirstSeen value) {
        if (value == null) {
            return null;
        }
        byte[] digest = value.digest();
        byte[] sealId = value.sealId();
        byte[] out = new byte[2 + digest.length + sealId.length];
        out[0] = VERSION;
        System.arraycopy(digest, 0, out, 1, digest.length);
        out[1 + digest.length] = (byte) sealId.length;
        System.arraycopy(sealId, 0, out, 2 + digest.length, sealId.length);
        return out;
    }

    static FirstSeen deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int digestEnd = 1 + TransactionDigest.LENGTH;
        if (bytes.length < digestEnd + 1
                || bytes[0] != VERSION
                || bytes.length != digestEnd + 1 + Byte.toUnsignedInt(bytes[digestEnd])) {
            throw new SerializationException(
                    "deduplication store value: unknown version or wrong length (" + bytes.length + " bytes)");
        }
        return new FirstSeen(
                Arrays.copyOfRange(bytes, 1, digestEnd), Arrays.copyOfRange(bytes, digestEnd + 1, bytes.length));
    }
}
