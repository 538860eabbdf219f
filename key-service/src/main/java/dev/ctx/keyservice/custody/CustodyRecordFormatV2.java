package dev.ctx.keyservice.custody;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte layout v2 of a {@link CustodyRecord}: v1 followed by the participant-held versions (all integers big-endian):
 * <pre>
 * u8  format version = 0x02
 * u16 participant id length | participant id
 * u16 key count
 * per key: u32 key version | u16 KEK id length | KEK id | 12-byte IV | u16 ciphertext length | ciphertext (with tag)
 * u16 participant-held count
 * per participant-held version: u32 key version (ascending)
 * </pre>
 * {@link #serialize} writes v1 for a record without participant-held versions, so such records stay byte for byte
 * what older readers expect. Pinned by {@code golden/custody-record-v2.hex}; documented in
 * {@code docs/key-service-custody.md}. A reader refuses unknown versions and trailing bytes.
 */
public final class CustodyRecordFormatV2 {

    /** The leading format byte. */
    public static final byte VERSION = 0x02;

    private CustodyRecordFormatV2() {}

    /** Layout v1 when the record has no participant-held versions, v2 otherwise. */
    public static byte[] serialize(CustodyRecord record) {
        if (record.participantHeldVersions().isEmpty()) {
            return CustodyRecordFormatV1.serialize(record);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            CustodyRecordFormatV1.writeBody(out, record);
            out.writeShort(record.participantHeldVersions().size());
            for (int version : record.participantHeldVersions()) {
                out.writeInt(version);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads layout v1 or v2. @throws CustodyException if the bytes are neither, or incomplete */
    public static CustodyRecord deserialize(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == CustodyRecordFormatV1.VERSION) {
            return CustodyRecordFormatV1.deserialize(bytes);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new CustodyException("unknown custody record format version " + bytes[0]);
            }
            String participantId = CustodyRecordFormatV1.readString(in);
            CustodyRecord record = new CustodyRecord(participantId, CustodyRecordFormatV1.readKeys(in), readHeld(in));
            if (in.available() != 0) {
                throw new CustodyException("custody record has " + in.available() + " trailing bytes");
            }
            return record;
        } catch (IOException | IllegalArgumentException e) {
            throw new CustodyException(
                    "malformed custody record (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static List<Integer> readHeld(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<Integer> versions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            versions.add(in.readInt());
        }
        return versions;
    }
}
