package dev.ctx.keyservice.custody;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.ctx.keyservice.kek.KekCiphertext;

/**
 * Byte layout v1 of a {@link CustodyRecord} (all integers big-endian, strings UTF-8):
 * <pre>
 * u8  format version = 0x01
 * u16 participant id length | participant id
 * u16 key count
 * per key: u32 key version | u16 KEK id length | KEK id | 12-byte IV | u16 ciphertext length | ciphertext (with tag)
 * </pre>
 * Pinned by a golden file and documented field by field in {@code docs/key-service-custody.md}; a reader refuses
 * unknown versions and trailing bytes.
 */
public final class CustodyRecordFormatV1 {

    /** The leading format byte. */
    public static final byte VERSION = 0x01;

    private CustodyRecordFormatV1() {}

    /** @throws IllegalArgumentException if the record has participant-held versions (layout v2 holds them) */
    public static byte[] serialize(CustodyRecord record) {
        if (!record.participantHeldVersions().isEmpty()) {
            throw new IllegalArgumentException("custody record v1 cannot hold participant-held versions; use v2");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeBody(out, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Participant id, key count and sealed keys: everything after the version byte in v1, the start of v2. */
    static void writeBody(DataOutputStream out, CustodyRecord record) throws IOException {
        writeString(out, record.participantId());
        out.writeShort(record.keys().size());
        for (SealedPrivateKey key : record.keys()) {
            writeKey(out, key);
        }
    }

    private static void writeKey(DataOutputStream out, SealedPrivateKey key) throws IOException {
        out.writeInt(key.keyVersion());
        writeString(out, key.kekId());
        out.write(key.sealed().iv());
        byte[] ciphertext = key.sealed().ciphertext();
        out.writeShort(ciphertext.length);
        out.write(ciphertext);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    /** @throws CustodyException if the bytes are not a complete v1 record */
    public static CustodyRecord deserialize(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new CustodyException("unknown custody record format version " + bytes[0]);
            }
            CustodyRecord record = new CustodyRecord(readString(in), readKeys(in));
            if (in.available() != 0) {
                throw new CustodyException("custody record has " + in.available() + " trailing bytes");
            }
            return record;
        } catch (IOException | IllegalArgumentException e) {
            throw new CustodyException(
                    "malformed custody record (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static List<SealedPrivateKey> readKeys(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<SealedPrivateKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int version = in.readInt();
            String kekId = readString(in);
            byte[] iv = readExactly(in, KekCiphertext.IV_LENGTH);
            byte[] ciphertext = readExactly(in, in.readUnsignedShort());
            keys.add(new SealedPrivateKey(version, kekId, KekCiphertext.of(iv, ciphertext)));
        }
        return keys;
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readExactly(in, in.readUnsignedShort()), StandardCharsets.UTF_8);
    }

    static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new CustodyException("custody record truncated");
        }
        return bytes;
    }
}
