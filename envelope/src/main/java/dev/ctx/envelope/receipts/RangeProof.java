package dev.ctx.envelope.receipts;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

import dev.ctx.envelope.error.ReceiptFormatException;

/**
 * Proof that C = v·G + r·H commits to v in [0, 2^64), by bit decomposition: 64 bit commitments
 * C_i = b_i·G + r_i·H with Σ 2^i·r_i = r (so Σ 2^i·C_i = C), each with a Cramer-Damgård-Schoenmakers OR-proof
 * that C_i or C_i − G is a multiple of H, all under one Fiat-Shamir challenge
 * e = Transcript("range"; "txn", "C", "bits", then per bit "Ci", "A0", "A1"). Per bit the prover sends e0 (the
 * branch-0 challenge, e1 = e − e0), z0 and z1; the verifier recomputes A0 = z0·H − e0·C_i and
 * A1 = z1·H − e1·(C_i − G) and checks that the transcript yields e. Layout v1, 8,290 bytes:
 * {@code 0x01 || 0x40 || e (32) || 64 × (C_i (33) || e0 (32) || z0 (32) || z1 (32))}, bit 0 first.
 *
 * <p>Why not Bulletproofs: no audited Java implementation is served here, and writing one (inner-product argument,
 * vector generators) is exactly the curve-level code this project does not own. This proof is large (8 KiB against
 * about 700 bytes) and linear to verify, but it is generated on demand by a prover, not per transaction, and each
 * step is a textbook sigma protocol. Immutable.
 */
public final class RangeProof {

    /** The layout version byte. */
    public static final byte VERSION = 1;
    /** The number of bits proven: values in [0, 2^64). */
    public static final int BITS = 64;

    private static final int PER_BIT = ReceiptGroup.POINT_LENGTH + 3 * ReceiptGroup.SCALAR_LENGTH;
    /** Length of the v1 layout. */
    public static final int LENGTH = 2 + ReceiptGroup.SCALAR_LENGTH + BITS * PER_BIT;

    private final BigInteger challenge;
    private final List<Bit> bits;

    private record Bit(ECPoint commitment, BigInteger challenge0, BigInteger response0, BigInteger response1) {}

    private RangeProof(BigInteger challenge, List<Bit> bits) {
        this.challenge = challenge;
        this.bits = List.copyOf(bits);
    }

    /** Proves that {@code commitment} (which {@code opening} opens) commits to a value in [0, 2^64). */
    public static RangeProof prove(String transactionId, Commitment commitment, Opening opening, SecureRandom random) {
        BigInteger n = ReceiptGroup.order();
        BigInteger[] blindings = bitBlindings(opening.blinding(), random);
        ECPoint[] commitments = new ECPoint[BITS];
        ECPoint[][] nonces = new ECPoint[BITS][2];
        BigInteger[] realNonce = new BigInteger[BITS];
        BigInteger[] simulatedChallenge = new BigInteger[BITS];
        BigInteger[] simulatedResponse = new BigInteger[BITS];
        for (int i = 0; i < BITS; i++) {
            int bit = opening.value().testBit(i) ? 1 : 0;
            commitments[i] = ReceiptGroup.commit(BigInteger.valueOf(bit), blindings[i]);
            realNonce[i] = ReceiptGroup.randomScalar(random);
            simulatedChallenge[i] = ReceiptGroup.randomScalar(random);
            simulatedResponse[i] = ReceiptGroup.randomScalar(random);
            nonces[i][bit] = ReceiptGroup.timesH(realNonce[i]);
            ECPoint other = branchPoint(commitments[i], 1 - bit);
            nonces[i][1 - bit] = ReceiptGroup.timesH(simulatedResponse[i])
                    .subtract(other.multiply(simulatedChallenge[i]))
                    .normalize();
        }
        BigInteger e = challenge(transactionId, commitment, commitments, nonces);
        List<Bit> bits = new ArrayList<>(BITS);
        for (int i = 0; i < BITS; i++) {
            boolean one = opening.value().testBit(i);
            BigInteger realChallenge = e.subtract(simulatedChallenge[i]).mod(n);
            BigInteger realResponse =
                    realNonce[i].add(realChallenge.multiply(blindings[i])).mod(n);
            bits.add(
                    one
                            ? new Bit(commitments[i], simulatedChallenge[i], simulatedResponse[i], realResponse)
                            : new Bit(commitments[i], realChallenge, realResponse, simulatedResponse[i]));
        }
        return new RangeProof(e, bits);
    }

    /** Whether this proves that {@code commitment} of transaction {@code transactionId} holds a 64-bit value. */
    public boolean verify(String transactionId, Commitment commitment) {
        BigInteger n = ReceiptGroup.order();
        ECPoint weighted = ReceiptGroup.curve().getInfinity();
        for (int i = BITS - 1; i >= 0; i--) {
            weighted = weighted.twice().add(bits.get(i).commitment());
        }
        if (!weighted.normalize().equals(commitment.point())) {
            return false;
        }
        ECPoint[] commitments = new ECPoint[BITS];
        ECPoint[][] nonces = new ECPoint[BITS][2];
        ECPoint h = ReceiptGroup.h();
        for (int i = 0; i < BITS; i++) {
            Bit bit = bits.get(i);
            commitments[i] = bit.commitment();
            BigInteger challenge1 = challenge.subtract(bit.challenge0()).mod(n);
            nonces[i][0] = ReceiptGroup.sumOfTwo(
                    h,
                    bit.response0(),
                    bit.commitment(),
                    n.subtract(bit.challenge0()).mod(n));
            nonces[i][1] = ReceiptGroup.sumOfTwo(
                    h,
                    bit.response1(),
                    branchPoint(bit.commitment(), 1),
                    n.subtract(challenge1).mod(n));
        }
        return challenge(transactionId, commitment, commitments, nonces).equals(challenge);
    }

    /** r_0..r_62 uniform, r_63 = (r − Σ_{i<63} 2^i·r_i) / 2^63 mod n, so that Σ 2^i·r_i = r. */
    private static BigInteger[] bitBlindings(BigInteger blinding, SecureRandom random) {
        BigInteger n = ReceiptGroup.order();
        BigInteger[] blindings = new BigInteger[BITS];
        BigInteger weighted = BigInteger.ZERO;
        for (int i = 0; i < BITS - 1; i++) {
            blindings[i] = ReceiptGroup.randomScalar(random);
            weighted = weighted.add(blindings[i].shiftLeft(i)).mod(n);
        }
        BigInteger top = BigInteger.ONE.shiftLeft(BITS - 1).modInverse(n);
        blindings[BITS - 1] = blinding.subtract(weighted).multiply(top).mod(n);
        return blindings;
    }

    /** X_0 = C_i, X_1 = C_i − G: the point that is a multiple of H when the bit is 0, resp. 1. */
    private static ECPoint branchPoint(ECPoint bitCommitment, int branch) {
        return branch == 0
                ? bitCommitment
                : bitCommitment.subtract(ReceiptGroup.g()).normalize();
    }

    private static BigInteger challenge(
            String transactionId, Commitment commitment, ECPoint[] commitments, ECPoint[][] nonces) {
        Transcript transcript = Transcript.start("range")
                .appendText("txn", transactionId)
                .appendPoint("C", commitment.point())
                .appendInt("bits", BITS);
        for (int i = 0; i < BITS; i++) {
            transcript
                    .appendPoint("Ci", commitments[i])
                    .appendPoint("A0", nonces[i][0])
                    .appendPoint("A1", nonces[i][1]);
        }
        return transcript.challenge();
    }

    /**
     * @throws ReceiptFormatException if the layout is not v1 of {@value #LENGTH} bytes with 64 bits, or a scalar is
     *         not below n
     * @throws dev.ctx.envelope.error.InvalidPointException if a bit commitment is not a valid point
     */
    public static RangeProof parse(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH || bytes[0] != VERSION || bytes[1] != BITS) {
            throw new ReceiptFormatException("range proof is not a " + LENGTH + "-byte v1 layout of 64 bits");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, LENGTH - 2);
        BigInteger e = scalar(in, "range proof e");
        List<Bit> bits = new ArrayList<>(BITS);
        for (int i = 0; i < BITS; i++) {
            ECPoint c = ReceiptGroup.decode(OpeningProof.take(in, ReceiptGroup.POINT_LENGTH), "bit commitment " + i);
            bits.add(new Bit(
                    c, scalar(in, "e0 of bit " + i), scalar(in, "z0 of bit " + i), scalar(in, "z1 of bit " + i)));
        }
        return new RangeProof(e, bits);
    }

    private static BigInteger scalar(ByteBuffer in, String what) {
        return ReceiptGroup.decodeScalar(OpeningProof.take(in, ReceiptGroup.SCALAR_LENGTH), what);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put(VERSION);
        out.put((byte) BITS);
        out.put(ReceiptGroup.encodeScalar(challenge));
        for (Bit bit : bits) {
            out.put(ReceiptGroup.encode(bit.commitment()));
            out.put(ReceiptGroup.encodeScalar(bit.challenge0()));
            out.put(ReceiptGroup.encodeScalar(bit.response0()));
            out.put(ReceiptGroup.encodeScalar(bit.response1()));
        }
        return out.array();
    }

    @Override
    public String toString() {
        return "RangeProof[v1, " + LENGTH + " bytes]";
    }
}
