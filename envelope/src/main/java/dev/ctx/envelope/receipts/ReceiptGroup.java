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
    private static final int SCALAR_BITS = 8 * SCALAR_LENGTH;
    private static final int VALUE_BITS = 64;
    private static final int SCALAR_WINDOWS = FixedBaseTable.windowsFor(SCALAR_BITS);
    private static final int VALUE_WINDOWS = FixedBaseTable.windowsFor(VALUE_BITS);
    private static final int SCALAR_WORDS = (SCALAR_WINDOWS * FixedBaseTable.WINDOW_BITS + 31) / 32;
    private static final FixedBaseTable G_TABLE = FixedBaseTable.build(G, SCALAR_BITS);
    private static final FixedBaseTable H_TABLE = FixedBaseTable.build(H, SCALAR_BITS);
    private static final ECPoint START_VALUE_COMMIT = G_TABLE.negatedOffset(VALUE_WINDOWS)
            .add(H_TABLE.negatedOffset(SCALAR_WINDOWS))
            .normalize();
    private static final ECPoint START_COMMIT = G_TABLE.negatedOffset(SCALAR_WINDOWS)
            .add(H_TABLE.negatedOffset(SCALAR_WINDOWS))
            .normalize();

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

    /** a·G + b·H in one pass over the fixed-base tables of G and H ({@link FixedBaseTable}), normalised. */
    static ECPoint commit(BigInteger a, BigInteger b) {
        return commitRaw(a, b).normalize();
    }

    /** a·G + b·H, not normalised (for a batch normalisation with other points). */
    static ECPoint commitRaw(BigInteger a, BigInteger b) {
        ECPoint sum = G_TABLE.addWindows(START_COMMIT, words(a), SCALAR_WINDOWS);
        return H_TABLE.addWindows(sum, words(b), SCALAR_WINDOWS);
    }

    /**
     * v·G + r·H for a value v in [0, 2^64) (an {@link Opening}'s): the G part reads only the windows of 64 bits. Not
     * normalised.
     */
    static ECPoint commitValueRaw(BigInteger value, BigInteger blinding) {
        if (value.signum() < 0 || value.bitLength() > VALUE_BITS) {
            throw new IllegalArgumentException("committed value is not in [0, 2^64)");
        }
        ECPoint sum = G_TABLE.addWindows(START_VALUE_COMMIT, words(value), VALUE_WINDOWS);
        return H_TABLE.addWindows(sum, words(blinding), SCALAR_WINDOWS);
    }

    /** k·H with the fixed-base table of H. */
    static ECPoint timesH(BigInteger k) {
        return H_TABLE.addWindows(H_TABLE.negatedOffset(SCALAR_WINDOWS), words(k), SCALAR_WINDOWS)
                .normalize();
    }

    /** k·G with the fixed-base table of G. */
    static ECPoint timesG(BigInteger k) {
        return G_TABLE.addWindows(G_TABLE.negatedOffset(SCALAR_WINDOWS), words(k), SCALAR_WINDOWS)
                .normalize();
    }

    /** Points in affine form with one field inversion for all of them (BouncyCastle's batch normalisation). */
    static void normalizeAll(ECPoint[] points) {
        curve().normalizeAll(points);
    }

    /** A scalar as table words: reduced mod n first if it is negative or wider than 256 bits (public scalars). */
    private static int[] words(BigInteger k) {
        BigInteger reduced = k.signum() < 0 || k.bitLength() > SCALAR_BITS ? k.mod(ORDER) : k;
        return FixedBaseTable.words(reduced, SCALAR_WORDS);
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
