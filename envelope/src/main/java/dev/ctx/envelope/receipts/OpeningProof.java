package dev.ctx.envelope.receipts;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECPoint;

import dev.ctx.envelope.error.ReceiptFormatException;

/**
 * Proof of knowledge of the opening (v, r) of C = v·G + r·H, bound to a transaction id: the prover picks a, b,
 * sends A = a·G + b·H, and answers the challenge e = Transcript("opening"; "txn", "C", "A") with
 * z_v = a + e·v, z_r = b + e·r (mod n). The verifier checks z_v·G + z_r·H = A + e·C. Layout v1, 98 bytes:
 * {@code 0x01 || A (33) || z_v (32) || z_r (32)} (docs/receipts.md). Immutable.
 */
public final class OpeningProof {

    /** The layout version byte. */
    public static final byte VERSION = 1;
    /** Length of the v1 layout. */
    public static final int LENGTH = 1 + ReceiptGroup.POINT_LENGTH + 2 * ReceiptGroup.SCALAR_LENGTH;

    private final ECPoint nonceCommitment;
    private final BigInteger valueResponse;
    private final BigInteger blindingResponse;

    private OpeningProof(ECPoint nonceCommitment, BigInteger valueResponse, BigInteger blindingResponse) {
        this.nonceCommitment = nonceCommitment;
        this.valueResponse = valueResponse;
        this.blindingResponse = blindingResponse;
    }

    /** Proves knowledge of {@code opening} of {@code commitment} for transaction {@code transactionId}. */
    public static OpeningProof prove(
            String transactionId, Commitment commitment, Opening opening, SecureRandom random) {
        BigInteger a = ReceiptGroup.randomScalar(random);
        BigInteger b = ReceiptGroup.randomScalar(random);
        return respond(transactionId, commitment, ReceiptGroup.commit(a, b), opening, a, b);
    }

    /**
     * The commitment to {@code opening} and its opening proof for {@code transactionId} at once: the same bytes as
     * {@code prove(transactionId, opening.commit(), opening, random)} for the same random draws, with one field
     * inversion for C and A together instead of one each (the processor's per-transaction path).
     */
    public static Committed commitAndProve(String transactionId, Opening opening, SecureRandom random) {
        BigInteger a = ReceiptGroup.randomScalar(random);
        BigInteger b = ReceiptGroup.randomScalar(random);
        ECPoint[] points = {
            ReceiptGroup.commitValueRaw(opening.value(), opening.blinding()), ReceiptGroup.commitRaw(a, b)
        };
        ReceiptGroup.normalizeAll(points);
        Commitment commitment = new Commitment(points[0]);
        return new Committed(commitment, respond(transactionId, commitment, points[1], opening, a, b));
    }

    /** A commitment and the opening proof made with it ({@link #commitAndProve}). */
    public record Committed(Commitment commitment, OpeningProof proof) {}

    private static OpeningProof respond(
            String transactionId,
            Commitment commitment,
            ECPoint nonceCommitment,
            Opening opening,
            BigInteger a,
            BigInteger b) {
        BigInteger n = ReceiptGroup.order();
        BigInteger e = challenge(transactionId, commitment, nonceCommitment);
        return new OpeningProof(
                nonceCommitment,
                a.add(e.multiply(opening.value())).mod(n),
                b.add(e.multiply(opening.blinding())).mod(n));
    }

    /** Whether this proves knowledge of an opening of {@code commitment} for {@code transactionId}. */
    public boolean verify(String transactionId, Commitment commitment) {
        BigInteger e = challenge(transactionId, commitment, nonceCommitment);
        ECPoint left = ReceiptGroup.commit(valueResponse, blindingResponse);
        ECPoint right = nonceCommitment.add(commitment.point().multiply(e)).normalize();
        return left.equals(right);
    }

    private static BigInteger challenge(String transactionId, Commitment commitment, ECPoint nonceCommitment) {
        return Transcript.start("opening")
                .appendText("txn", transactionId)
                .appendPoint("C", commitment.point())
                .appendPoint("A", nonceCommitment)
                .challenge();
    }

    /**
     * @throws ReceiptFormatException if the layout is not v1 of 98 bytes or a scalar is not below n
     * @throws dev.ctx.envelope.error.InvalidPointException if A is not a valid point
     */
    public static OpeningProof parse(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH || bytes[0] != VERSION) {
            throw new ReceiptFormatException("opening proof is not a " + LENGTH + "-byte v1 layout");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
        ECPoint a = ReceiptGroup.decode(take(in, ReceiptGroup.POINT_LENGTH), "opening proof A");
        BigInteger zv = ReceiptGroup.decodeScalar(take(in, ReceiptGroup.SCALAR_LENGTH), "opening proof z_v");
        BigInteger zr = ReceiptGroup.decodeScalar(take(in, ReceiptGroup.SCALAR_LENGTH), "opening proof z_r");
        return new OpeningProof(a, zv, zr);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put(VERSION);
        out.put(ReceiptGroup.encode(nonceCommitment));
        out.put(ReceiptGroup.encodeScalar(valueResponse));
        out.put(ReceiptGroup.encodeScalar(blindingResponse));
        return out.array();
    }

    static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpeningProof that && Arrays.equals(toBytes(), that.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "OpeningProof[v1, " + LENGTH + " bytes]";
    }
}
