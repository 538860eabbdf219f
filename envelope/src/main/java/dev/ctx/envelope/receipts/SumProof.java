package dev.ctx.envelope.receipts;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.error.ReceiptFormatException;

/**
 * Proof that the amounts of a set of commitments sum to a stated total T. With R = Σ r_i, the point
 * D = Σ C_i − T·G equals R·H exactly when Σ v_i = T (mod n; no wrap, since each v_i < 2^64). The prover shows it
 * knows R with a Schnorr proof on base H: A = k·H, e = Transcript("sum"; participant, count, each (txn, C_i), total,
 * D, A), z = k + e·R; the verifier checks z·H = A + e·D. This reveals no more than revealing R itself would (the
 * issue's "summed blinding"), and less: R stays with the prover, and the proof is bound to its statement. Layout v1,
 * 66 bytes: {@code 0x01 || A (33) || z (32)}. Immutable.
 */
public final class SumProof {

    /** The layout version byte. */
    public static final byte VERSION = 1;
    /** Length of the v1 layout. */
    public static final int LENGTH = 1 + ReceiptGroup.POINT_LENGTH + ReceiptGroup.SCALAR_LENGTH;

    private final ECPoint nonceCommitment;
    private final BigInteger response;

    private SumProof(ECPoint nonceCommitment, BigInteger response) {
        this.nonceCommitment = nonceCommitment;
        this.response = response;
    }

    /**
     * Proves {@code statement} from the openings of its commitments, in the statement's order.
     *
     * @throws InvalidInputException if an opening does not open its commitment or the values do not sum to the total
     */
    public static SumProof prove(SumStatement statement, List<Opening> openings, SecureRandom random) {
        List<Commitment> commitments = statement.commitments();
        if (openings.size() != commitments.size()) {
            throw new InvalidInputException("one opening per transaction of the statement is required");
        }
        BigInteger n = ReceiptGroup.order();
        BigInteger values = BigInteger.ZERO;
        BigInteger blinding = BigInteger.ZERO;
        for (int i = 0; i < openings.size(); i++) {
            Opening opening = openings.get(i);
            if (!commitments.get(i).opensTo(opening)) {
                throw new InvalidInputException("the opening of transaction "
                        + statement.entries().get(i).transactionId() + " does not open its commitment");
            }
            values = values.add(opening.value());
            blinding = blinding.add(opening.blinding()).mod(n);
        }
        if (!values.equals(statement.total())) {
            throw new InvalidInputException("the amounts do not sum to the stated total");
        }
        BigInteger k = ReceiptGroup.randomScalar(random);
        ECPoint a = ReceiptGroup.timesH(k);
        BigInteger e = challenge(statement, difference(statement), a);
        return new SumProof(a, k.add(e.multiply(blinding)).mod(n));
    }

    /** Whether this proves {@code statement}. */
    public boolean verify(SumStatement statement) {
        ECPoint d = difference(statement);
        BigInteger e = challenge(statement, d, nonceCommitment);
        ECPoint left = ReceiptGroup.timesH(response);
        ECPoint right = nonceCommitment.add(d.multiply(e)).normalize();
        return left.equals(right);
    }

    private static ECPoint difference(SumStatement statement) {
        return Commitment.sum(statement.commitments())
                .subtract(ReceiptGroup.timesG(statement.total()))
                .normalize();
    }

    private static BigInteger challenge(SumStatement statement, ECPoint d, ECPoint a) {
        Transcript transcript = Transcript.start("sum")
                .appendText("participant", statement.participant())
                .appendInt("count", statement.entries().size());
        for (SumStatement.Entry entry : statement.entries()) {
            transcript
                    .appendText("txn", entry.transactionId())
                    .appendPoint("C", entry.commitment().point());
        }
        return transcript
                .appendScalar("total", statement.total())
                .appendPoint("D", d)
                .appendPoint("A", a)
                .challenge();
    }

    /**
     * @throws ReceiptFormatException if the layout is not v1 of 66 bytes or z is not below n
     * @throws dev.ctx.envelope.error.InvalidPointException if A is not a valid point
     */
    public static SumProof parse(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH || bytes[0] != VERSION) {
            throw new ReceiptFormatException("sum proof is not a " + LENGTH + "-byte v1 layout");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
        ECPoint a = ReceiptGroup.decode(OpeningProof.take(in, ReceiptGroup.POINT_LENGTH), "sum proof A");
        BigInteger z = ReceiptGroup.decodeScalar(OpeningProof.take(in, ReceiptGroup.SCALAR_LENGTH), "sum proof z");
        return new SumProof(a, z);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put(VERSION);
        out.put(ReceiptGroup.encode(nonceCommitment));
        out.put(ReceiptGroup.encodeScalar(response));
        return out.array();
    }

    @Override
    public String toString() {
        return "SumProof[v1, " + LENGTH + " bytes]";
    }
}
