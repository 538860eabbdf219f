package dev.ctx.envelope.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * Canonical, unambiguous encodings of the AEAD associated data and the HPKE info. Every variable-length item is
 * prefixed with its length, and each encoding starts with its own ASCII label so that an AAD can never be read as an
 * info or the other way round. Strings are encoded strictly as UTF-8: an unpaired surrogate is rejected with
 * {@link InvalidInputException}, never replaced. Byte-level specification: {@code docs/envelope-format.md}.
 *
 * <pre>
 * aad  v1 = "ctx-aad"  || 0x01 || str(txnId) || u16(32) || fingerprint || u16(n) || str(p1) .. str(pn)
 * aad  v2 = "ctx-aad"  || 0x02 || str(txnId) || u16(16) || sealId || u16(32) || fingerprint || u16(n) || str(p1) ..
 * info v1 = "ctx-wrap" || 0x01 || str(txnId) || str(recipientId) || u32(keyVersion)
 * info v2 = "ctx-wrap" || 0x02 || str(txnId) || u16(16) || sealId || str(recipientId) || u32(keyVersion)
 * str(s)  = u16(len(utf8(s))) || utf8(s)          participants sorted by their UTF-8 bytes, unique; big-endian
 * </pre>
 */
public final class ContextEncoding {

    private static final byte[] AAD_LABEL = "ctx-aad".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_LABEL = "ctx-wrap".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EPOCH_INFO_LABEL = "ctx-epoch".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EPOCH_AAD_LABEL = "ctx-epoch-aad".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_U16 = 0xFFFF;

    private ContextEncoding() {}

    /**
     * The AEAD associated data of the ciphertext part (and of every wrap). Participants must be sorted and unique.
     *
     * @param sealId required for versions that {@linkplain FormatVersion#hasSealId() carry one}, else must be null
     */
    public static byte[] aad(
            FormatVersion version,
            String transactionId,
            SealId sealId,
            byte[] schemaFingerprint,
            List<String> sortedParticipants) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(80 + 16 * sortedParticipants.size());
        out.writeBytes(AAD_LABEL);
        out.write(version.id());
        writeString(out, transactionId, "transaction id");
        writeSealId(out, version, sealId);
        writeU16(out, schemaFingerprint.length, "schema fingerprint");
        out.writeBytes(schemaFingerprint);
        writeU16(out, sortedParticipants.size(), "participant count");
        for (String participant : sortedParticipants) {
            writeString(out, participant, "participant id");
        }
        return out.toByteArray();
    }

    /** The HPKE info of one recipient's wrap; {@code sealId} as for {@link #aad}. */
    public static byte[] wrapInfo(
            FormatVersion version, String transactionId, SealId sealId, String recipientId, int keyVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + transactionId.length() + recipientId.length());
        out.writeBytes(INFO_LABEL);
        out.write(version.id());
        writeString(out, transactionId, "transaction id");
        writeSealId(out, version, sealId);
        writeString(out, recipientId, "recipient id");
        out.write(keyVersion >>> 24);
        out.write(keyVersion >>> 16);
        out.write(keyVersion >>> 8);
        out.write(keyVersion);
        return out.toByteArray();
    }

    /**
     * The HPKE info of one recipient key's epoch context: binds the epoch, not a transaction (one context seals the
     * DEKs of many transactions). {@code "ctx-epoch" || 0x03 || u16(16) || epochId || str(recipientId) ||
     * u32(keyVersion)}.
     */
    public static byte[] epochInfo(EpochId epochId, String recipientId, int keyVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + recipientId.length());
        out.writeBytes(EPOCH_INFO_LABEL);
        out.write(DekWrap.EPOCH_LAYOUT);
        writeU16(out, EpochId.LENGTH, "epoch id");
        out.writeBytes(epochId.view());
        writeString(out, recipientId, "recipient id");
        writeU32(out, keyVersion);
        return out.toByteArray();
    }

    /**
     * The HPKE {@code aad} of one epoch wrap: binds the transaction, so a wrap cannot be moved to another one.
     * {@code "ctx-epoch-aad" || 0x03 || str(recipientId) || u32(keyVersion) || u16(len(aad)) || aad}, where
     * {@code aad} is the seal's AAD ({@link #aad}, format v2: txn id, seal id, schema fingerprint, participants).
     */
    public static byte[] epochWrapAad(String recipientId, int keyVersion, byte[] sealAad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + recipientId.length() + sealAad.length);
        out.writeBytes(EPOCH_AAD_LABEL);
        out.write(DekWrap.EPOCH_LAYOUT);
        writeString(out, recipientId, "recipient id");
        writeU32(out, keyVersion);
        writeU16(out, sealAad.length, "seal aad");
        out.writeBytes(sealAad);
        return out.toByteArray();
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /**
     * Strict UTF-8 bytes of {@code value}.
     *
     * @throws InvalidInputException if {@code value} holds an unpaired surrogate or encodes to more than a u16 length
     *         prefix allows
     */
    public static byte[] utf8Checked(String value, String what) {
        byte[] bytes;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(what + " is not valid Unicode (unpaired surrogate)");
        }
        if (bytes.length > MAX_U16) {
            throw new InvalidInputException(what + " is " + bytes.length + " UTF-8 bytes, at most " + MAX_U16);
        }
        return bytes;
    }

    private static void writeSealId(ByteArrayOutputStream out, FormatVersion version, SealId sealId) {
        if (version.hasSealId() != (sealId != null)) {
            throw new InvalidInputException(
                    "format v" + version.id() + (version.hasSealId() ? " requires a seal id" : " has no seal id"));
        }
        if (sealId != null) {
            writeU16(out, SealId.LENGTH, "seal id");
            out.writeBytes(sealId.view());
        }
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
