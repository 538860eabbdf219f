package dev.ctx.envelope.receipts;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The Fiat-Shamir transcript of every receipt proof: a sequence of labelled items, each
 * {@code u8 len(label) || label (ASCII) || u32be len(value) || value}, that starts with
 * ("protocol", "ctx-receipts"), ("version", 0x01), ("proof", name), ("G", G), ("H", H) and then holds the statement
 * (transaction ids, commitments, totals) and the prover's first messages. The challenge is
 * {@code OS2IP(expand_message_xmd(transcript, "CTX-RECEIPTS-V01-CHALLENGE", 48)) mod n} (RFC 9380 section 5, the
 * same bias bound as hash_to_field). Not thread-safe; one per proof.
 */
final class Transcript {

    static final String PROTOCOL = "ctx-receipts";
    static final int VERSION = 1;
    static final String CHALLENGE_DST = "CTX-RECEIPTS-V01-CHALLENGE";
    private static final int CHALLENGE_BYTES = 48;

    private static final byte[] PREFIX = prefix();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    private Transcript() {}

    /** A transcript for the proof named {@code proofName} ("opening", "sum" or "range"). */
    static Transcript start(String proofName) {
        Transcript transcript = new Transcript();
        transcript.bytes.writeBytes(PREFIX);
        transcript.append("proof", proofName.getBytes(StandardCharsets.US_ASCII));
        transcript.append("G", ReceiptGroup.encode(ReceiptGroup.g()));
        transcript.append("H", ReceiptGroup.encode(ReceiptGroup.h()));
        return transcript;
    }

    /** The constant first items ("protocol", "version"), encoded once. */
    private static byte[] prefix() {
        Transcript transcript = new Transcript();
        transcript.append("protocol", PROTOCOL.getBytes(StandardCharsets.US_ASCII));
        transcript.append("version", new byte[] {VERSION});
        return transcript.toBytes();
    }

    Transcript append(String label, byte[] value) {
        byte[] name = label.getBytes(StandardCharsets.US_ASCII);
        bytes.write(name.length);
        bytes.writeBytes(name);
        bytes.write(value.length >>> 24);
        bytes.write(value.length >>> 16);
        bytes.write(value.length >>> 8);
        bytes.write(value.length);
        bytes.writeBytes(value);
        return this;
    }

    Transcript appendText(String label, String value) {
        return append(label, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A point in compressed form; the identity (possible only for a difference of points) as the byte 0x00. */
    Transcript appendPoint(String label, ECPoint point) {
        return append(label, point.isInfinity() ? new byte[] {0} : ReceiptGroup.encode(point));
    }

    Transcript appendScalar(String label, BigInteger scalar) {
        return append(label, ReceiptGroup.encodeScalar(scalar));
    }

    Transcript appendInt(String label, int value) {
        return append(
                label, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** The bytes so far (for documentation and known-answer tests). */
    byte[] toBytes() {
        return bytes.toByteArray();
    }

    BigInteger challenge() {
        byte[] uniform = HashToCurve.expandMessageXmd(
                toBytes(), CHALLENGE_DST.getBytes(StandardCharsets.US_ASCII), CHALLENGE_BYTES);
        return new BigInteger(1, uniform).mod(ReceiptGroup.order());
    }
}
