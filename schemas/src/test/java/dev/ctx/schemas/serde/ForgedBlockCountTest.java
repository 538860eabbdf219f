package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.management.ThreadMXBean;

import dev.ctx.schemas.access.EscrowRequest;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;

/**
 * An Avro array block may give its count as negative, followed by its size in bytes, so readers can skip it whole.
 * A forged block claiming 2^41 items in 0 bytes passed a skip by size and then made the read pre-size a list for the
 * claimed count (512 MiB allocated for a 36-byte payload, found by ConfluentWireFormatFuzzTest). The validation pass
 * now consumes every item and refuses a count larger than the payload.
 */
class ForgedBlockCountTest {

    private static final String SCOPE = "forged-block-count";
    private static final String TOPIC = "escrow.requests";

    private final ConfluentAvroSerde<EscrowRequest> serde = ConfluentAvroSerdes.forClass(
            EscrowRequest.class,
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
            false);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void arrayBlockClaimingMoreItemsThanBytesIsUndecodableWithoutAllocatingForThem() {
        // Given: a valid record whose first array (transactionIds) is empty, i.e. the single byte 0x00 after requestId
        EscrowRequest record = EscrowRequest.newBuilder(TestRecords.escrowRequest())
                .setRequestId("r")
                .setTransactionIds(List.of())
                .build();
        byte[] valid = serde.serialize(TOPIC, record);
        int arrayAt = ConfluentWireFormat.HEADER_SIZE + 2;
        assertThat(valid[arrayAt]).isZero();
        // and the same record whose array is one block of -(2^41) items (zig-zag varint), 0 bytes long, then the end
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        forged.write(valid, 0, arrayAt);
        forged.writeBytes(zigZagVarint(-(1L << 41)));
        forged.write(0);
        forged.write(0);
        forged.write(valid, arrayAt + 1, valid.length - arrayAt - 1);
        byte[] payload = forged.toByteArray();
        long before = allocatedByThisThread();
        // When / Then
        assertThatThrownBy(() -> serde.deserialize(TOPIC, payload))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("malformed or truncated");
        assertThat(allocatedByThisThread() - before).isLessThan(16L * 1024 * 1024);
        assertThat(serde.deserialize(TOPIC, Arrays.copyOf(valid, valid.length))).isEqualTo(record);
    }

    private static byte[] zigZagVarint(long value) {
        long n = (value << 1) ^ (value >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((n & ~0x7FL) != 0) {
            out.write((int) ((n & 0x7F) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
        return out.toByteArray();
    }

    private static long allocatedByThisThread() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
