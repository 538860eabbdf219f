package dev.ctx.schemas.keys.signing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ctx.schemas.keys.KeyringPublicKeys;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.keys.PublicKeyVersion;

/**
 * Canonical form v1 of a {@link ParticipantKeyring} for signing: the domain-separation label
 * {@code "ctx.keyring-signature.v1"} then every field except {@code signature}, in schema order. Integers are
 * big-endian two's complement; a string is a u32 byte length and UTF-8; bytes are a u32 length and the bytes; an enum
 * is its symbol name as a string; an array is a u32 count and its items; an optional string is u8 0 (null) or u8 1 and
 * the string; timestamps are i64 milliseconds since the epoch. Layout: {@code docs/keyring-signature.md}.
 *
 * <p>Pure function of the record; thread-safe.
 */
public final class KeyringSigningInput {

    /** The ASCII domain-separation label the canonical form starts with (24 bytes, no terminator). */
    public static final String LABEL = "ctx.keyring-signature.v1";

    private static final byte[] LABEL_BYTES = LABEL.getBytes(StandardCharsets.US_ASCII);

    private KeyringSigningInput() {}

    /** The bytes a signature over {@code keyring} covers; its {@code signature} field is ignored. */
    public static byte[] canonicalBytes(ParticipantKeyring keyring) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(LABEL_BYTES);
            writeString(out, keyring.getParticipantId());
            writeString(out, keyring.getRole().name());
            writeString(out, keyring.getStatus().name());
            writeString(out, keyring.getKycStatus().name());
            List<String> purposes = keyring.getAllowedPurposes();
            out.writeInt(purposes.size());
            for (String purpose : purposes) {
                writeString(out, purpose);
            }
            out.writeInt(keyring.getCurrentVersion());
            List<PublicKeyVersion> keys = keyring.getKeys();
            out.writeInt(keys.size());
            for (PublicKeyVersion key : keys) {
                writeKey(out, key);
            }
            out.writeLong(keyring.getRevision());
            out.writeLong(keyring.getUpdatedAt().toEpochMilli());
            writeOptionalString(out, keyring.getSignatureKeyId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeKey(DataOutputStream out, PublicKeyVersion key) throws IOException {
        out.writeInt(key.getVersion());
        writeString(out, key.getAlgorithm());
        byte[] raw = KeyringPublicKeys.rawBytes(key);
        out.writeInt(raw.length);
        out.write(raw);
        out.writeLong(key.getCreatedAt().toEpochMilli());
        writeString(out, key.getStatus().name());
    }

    private static void writeOptionalString(DataOutputStream out, CharSequence value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeString(out, value);
        }
    }

    private static void writeString(DataOutputStream out, CharSequence value) throws IOException {
        byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** A copy of {@code keyring} carrying {@code signature} (and the signer's key id it was computed with). */
    public static ParticipantKeyring withSignature(ParticipantKeyring keyring, byte[] signature) {
        return ParticipantKeyring.newBuilder(keyring)
                .setSignature(ByteBuffer.wrap(signature.clone()))
                .build();
    }

    /** The signature bytes of {@code keyring}, or null when it is unsigned. */
    public static byte[] signatureOf(ParticipantKeyring keyring) {
        ByteBuffer signature = keyring.getSignature();
        if (signature == null) {
            return null;
        }
        ByteBuffer copy = signature.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return raw;
    }
}
