package dev.ctx.envelope.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * Canonical, unambiguous encodings of the AEAD associated data and the HPKE info. Every variable-length item is
 * prefixed with its length, and each encoding starts with its own ASCII label so that an AAD can never be read as an
 * info or the other way round.
 *
 * <pre>
 * aad  v1 = "ctx-aad"  || version (u8) || str(txnId) || u16(32) || fingerprint || u16(n) || str(p1) .. str(pn)
 * info v1 = "ctx-wrap" || version (u8) || str(txnId) || str(recipientId) || u32(keyVersion)
 * str(s)  = u16(len(utf8(s))) || utf8(s)          participants sorted by their UTF-8 bytes, unique
 * </pre>
 */
public final class ContextEncoding {

    private static final byte[] AAD_LABEL = "ctx-aad".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_LABEL = "ctx-wrap".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_U16 = 0xFFFF;

    private ContextEncoding() {
    }

    /** The AEAD associated data of the ciphertext part (and of every wrap). Participants must be sorted and unique. */
    public static byte[] aad(FormatVersion version, String transactionId, byte[] schemaFingerprint,
            List<String> sortedParticipants) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 16 * sortedParticipants.size());
        out.writeBytes(AAD_LABEL);
        out.write(version.id());
        writeString(out, transactionId, "transaction id");
        writeU16(out, schemaFingerprint.length, "schema fingerprint");
        out.writeBytes(schemaFingerprint);
        writeU16(out, sortedParticipants.size(), "participant count");
        for (String participant : sortedParticipants) {
            writeString(out, participant, "participant id");
        }
        return out.toByteArray();
    }

    /** The HPKE info of one recipient's wrap. */
    public static byte[] wrapInfo(FormatVersion version, String transactionId, String recipientId, int keyVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 + transactionId.length() + recipientId.length());
        out.writeBytes(INFO_LABEL);
        out.write(version.id());
        writeString(out, transactionId, "transaction id");
        writeString(out, recipientId, "recipient id");
        out.write(keyVersion >>> 24);
        out.write(keyVersion >>> 16);
        out.write(keyVersion >>> 8);
        out.write(keyVersion);
        return out.toByteArray();
    }

    /** UTF-8 bytes of {@code value}, rejected if longer than a u16 length prefix allows. */
    static byte[] utf8Checked(String value, String what) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_U16) {
            throw new InvalidInputException(what + " is " + bytes.length + " UTF-8 bytes, at most " + MAX_U16);
        }
        return bytes;
    }

    private static void writeString(ByteArrayOutputStream out, String value, String what) {
        byte[] bytes = utf8Checked(value, what);
        writeU16(out, bytes.length, what);
        out.writeBytes(bytes);
    }

    private static void writeU16(ByteArrayOutputStream out, int value, String what) {
        if (value < 0 || value > MAX_U16) {
            throw new InvalidInputException(what + " length " + value + " does not fit 16 bits");
        }
        out.write(value >>> 8);
        out.write(value);
    }
}
