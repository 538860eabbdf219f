package dev.ctx.schemas.auditlog;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Writes a {@link SealedAccessEvent} body field by field in schema order (docs/access-log-chain.md §3), the bytes of
 * Avro's {@code SpecificDatumWriter} without its per-field reflection: the sealer writes one per event. Only for the
 * entry schema it was written for ({@link #ENTRY_V1_FINGERPRINT}); {@link #forCompiledSchema()} falls back to Avro's
 * writer when the compiled-in schema is another one. A missing required field fails as with Avro's writer.
 */
public final class SealedAccessEventWriter implements DatumWriter<SealedAccessEvent> {

    /** CRC-64-AVRO of the Parsing Canonical Form of the SealedAccessEvent schema this class writes. */
    static final long ENTRY_V1_FINGERPRINT = 0x0bbf6509a95a581dL;

    private SealedAccessEventWriter() {}

    /** The hand-written writer while the compiled-in schema is the one it writes, else Avro's own writer. */
    public static DatumWriter<SealedAccessEvent> forCompiledSchema() {
        return writes(SealedAccessEvent.getClassSchema())
                ? new SealedAccessEventWriter()
                : new SpecificDatumWriter<>(
                        SealedAccessEvent.getClassSchema(), SpecificData.getForClass(SealedAccessEvent.class));
    }

    /** The fingerprint, and {@code sealedAt} in milliseconds. */
    static boolean writes(Schema schema) {
        return CanonicalAccessEvent.isLayout(schema, ENTRY_V1_FINGERPRINT, "sealedAt");
    }

    /** Accepts only the schema it writes. */
    @Override
    public void setSchema(Schema schema) {
        if (!writes(schema)) {
            throw new IllegalArgumentException(
                    "writes only the SealedAccessEvent v1 schema, not " + schema.getFullName());
        }
    }

    @Override
    public void write(SealedAccessEvent entry, Encoder out) throws IOException {
        out.writeInt(entry.getFormatVersion());
        out.writeInt(entry.getPartition());
        out.writeLong(entry.getSequence());
        out.writeString(entry.getEventId());
        out.writeFixed(entry.getPrevHash().bytes(), 0, ChainHash.LENGTH);
        out.writeFixed(entry.getHash().bytes(), 0, ChainHash.LENGTH);
        out.writeBytes(entry.getEvent());
        out.writeLong(entry.getSealedAt().toEpochMilli());
        out.writeLong(entry.getSourceOffset());
    }
}
