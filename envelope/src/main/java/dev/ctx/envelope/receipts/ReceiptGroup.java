package dev.ctx.envelope.receipts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import dev.ctx.envelope.error.InvalidPointException;
import dev.ctx.envelope.error.ReceiptFormatException;

/**
 * The prime-order group of the receipts: NIST P-256 (BouncyCastle's {@code secp256r1} custom curve), its base point
 * G, and the second generator H = hash_to_curve({@value #H_SEED}) under the tag {@value #H_DST}
 * ({@link HashToCurve}). Nobody knows log_G(H): H is the output of a random-oracle hash of a fixed public string, so
 * finding it means solving a discrete logarithm on P-256. Points travel as 33-byte compressed SEC1; scalars as 32
 * bytes big-endian, below the group order n.
 */
public final class ReceiptGroup {

    /** The ASCII message hashed to H. */
    public static final String H_SEED = "ctx receipts v1: Pedersen generator H";
    /** The domain separation tag of H (RFC 9380 section 3.1 format). */
    public static final String H_DST = "CTX-RECEIPTS-V01-CS01-with-P256_XMD:SHA-256_SSWU_RO_";
    /** Length of a compressed point. */
    public static final int POINT_LENGTH = 33;
    /** Length of an encoded scalar. */
    public static final int SCALAR_LENGTH = 32;

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
    static final BigInteger FIELD_PRIME = PARAMS.getCurve().getField().getCharacteristic();
    static final BigInteger CURVE_B = PARAMS.getCurve().getB().toBigInteger();
    private static final BigInteger ORDER = PARAMS.getN();
    private static final ECPoint G = PARAMS.getG().normalize();
    private static final ECPoint H = HashToCurve.hashToCurve(H_SEED.getBytes(StandardCharsets.US_ASCII), H_DST);
    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private ReceiptGroup() {}

    static ECCurve curve() {
        return PARAMS.getCurve();
    }

    /** The group order n. */
    public static BigInteger order() {
        return ORDER;
    }

    /** The base point G of P-256. */
    public static ECPoint g() {
        return G;
    }

    /** The second generator H (see the class comment). */
    public static ECPoint h() {
        return H;
    }

    /** a·G + b·H, each with a precomputed fixed-base table. */
    static ECPoint commit(BigInteger a, BigInteger b) {
        return COMB.multiply(G, a).add(COMB.multiply(H, b)).normalize();
    }

    /** k·H with the fixed-base table of H. */
    static ECPoint timesH(BigInteger k) {
        return COMB.multiply(H, k).normalize();
    }

    /** k·G with the fixed-base table of G. */
    static ECPoint timesG(BigInteger k) {
        return COMB.multiply(G, k).normalize();
    }

    /** a·P + b·Q in one pass (Shamir's trick; verifier side, public scalars). */
    static ECPoint sumOfTwo(ECPoint p, BigInteger a, ECPoint q, BigInteger b) {
        return ECAlgorithms.sumOfTwoMultiplies(p, a, q, b).normalize();
    }

    /** A uniform scalar in [1, n) by rejection sampling. */
    static BigInteger randomScalar(SecureRandom random) {
        byte[] bytes = new byte[SCALAR_LENGTH];
        while (true) {
            random.nextBytes(bytes);
            BigInteger k = new BigInteger(1, bytes);
            if (k.signum() > 0 && k.compareTo(ORDER) < 0) {
                Arrays.fill(bytes, (byte) 0);
                return k;
            }
        }
    }

    /** The 33-byte compressed encoding; the identity has none. */
    public static byte[] encode(ECPoint point) {
        if (point.isInfinity()) {
            throw new InvalidPointException("the identity has no compressed encoding");
        }
        return point.getEncoded(true);
    }

    /**
     * Decodes a compressed point.
     *
     * @throws InvalidPointException if {@code bytes} is not 33 bytes of 02/03 prefix and an x on the curve
     */
    public static ECPoint decode(byte[] bytes, String what) {
        if (bytes == null || bytes.length != POINT_LENGTH || (bytes[0] != 0x02 && bytes[0] != 0x03)) {
            throw new InvalidPointException(what + " is not a 33-byte compressed P-256 point");
        }
        ECPoint point;
        try {
            point = curve().decodePoint(bytes).normalize();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidPointException(what + " is not on P-256", e);
        }
        if (point.isInfinity() || !point.isValid() || !Arrays.equals(point.getEncoded(true), bytes)) {
            throw new InvalidPointException(what + " is not a canonical P-256 point");
        }
        return point;
    }

    /** The 32-byte big-endian encoding of {@code k} in [0, n). */
    public static byte[] encodeScalar(BigInteger k) {
        if (k.signum() < 0 || k.compareTo(ORDER) >= 0) {
            throw new IllegalArgumentException("scalar not reduced mod n");
        }
        byte[] raw = k.toByteArray();
        byte[] out = new byte[SCALAR_LENGTH];
        int copy = Math.min(raw.length, SCALAR_LENGTH);
        System.arraycopy(raw, raw.length - copy, out, SCALAR_LENGTH - copy, copy);
        return out;
    }

    /**
     * Decodes a scalar.
     *
     * @throws ReceiptFormatException if {@code bytes} is not 32 bytes or not below n
     */
    public static BigInteger decodeScalar(byte[] bytes, String what) {
        if (bytes == null || bytes.length != SCALAR_LENGTH) {
            throw new ReceiptFormatException(what + " is not a 32-byte scalar");
        }
        BigInteger k = new BigInteger(1, bytes);
        if (k.compareTo(ORDER) >= 0) {
            throw new ReceiptFormatException(what + " is not below the group order");
        }
        return k;
    }
}
