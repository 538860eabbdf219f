package dev.ctx.envelope.receipts;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.math.ec.ECPoint;

/**
 * RFC 9380 hash-to-curve, suite {@code P256_XMD:SHA-256_SSWU_RO_} (section 8.2): {@code expand_message_xmd} with
 * SHA-256 (5.3.1), {@code hash_to_field} with L = 48 (5.2), the simplified SWU map with Z = -10 (6.6.2), two field
 * elements mapped and added (the random-oracle variant; P-256 has cofactor 1). Checked against the RFC's vectors of
 * Appendix J.1.1 ({@code HashToCurveTest}). Runs on public input only (the generator H and Fiat-Shamir challenges),
 * so the field arithmetic is plain {@link BigInteger}, not constant-time.
 */
public final class HashToCurve {

    /** The RFC's name of the suite. */
    public static final String SUITE = "P256_XMD:SHA-256_SSWU_RO_";

    private static final BigInteger P = ReceiptGroup.FIELD_PRIME;
    private static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    private static final BigInteger B = ReceiptGroup.CURVE_B;
    private static final BigInteger Z = P.subtract(BigInteger.TEN);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);
    private static final BigInteger SQUARE_EXPONENT = P.subtract(BigInteger.ONE).shiftRight(1);
    private static final int L = 48;
    private static final int SHA256_BLOCK = 64;
    private static final int SHA256_OUT = 32;

    private HashToCurve() {}

    /** {@code hash_to_curve(msg)} with the domain separation tag {@code dst} (1 to 255 bytes). */
    public static ECPoint hashToCurve(byte[] msg, byte[] dst) {
        BigInteger[] u = hashToField(msg, dst, 2);
        ECPoint q0 = mapToCurve(u[0]);
        ECPoint q1 = mapToCurve(u[1]);
        return q0.add(q1).normalize();
    }

    /** {@code hash_to_curve} with an ASCII tag. */
    public static ECPoint hashToCurve(byte[] msg, String dst) {
        return hashToCurve(msg, dst.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code hash_to_field(msg, count)} over the P-256 base field (m = 1, L = 48). */
    public static BigInteger[] hashToField(byte[] msg, byte[] dst, int count) {
        byte[] uniform = expandMessageXmd(msg, dst, count * L);
        BigInteger[] u = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            byte[] chunk = new byte[L];
            System.arraycopy(uniform, i * L, chunk, 0, L);
            u[i] = new BigInteger(1, chunk).mod(P);
        }
        return u;
    }

    /** {@code expand_message_xmd} with SHA-256 (RFC 9380 section 5.3.1). */
    public static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
        if (dst.length == 0 || dst.length > 255) {
            throw new IllegalArgumentException("DST must be 1 to 255 bytes");
        }
        int ell = (lenInBytes + SHA256_OUT - 1) / SHA256_OUT;
        if (ell > 255 || lenInBytes > 65535 || lenInBytes <= 0) {
            throw new IllegalArgumentException("len_in_bytes out of range: " + lenInBytes);
        }
        byte[] dstPrime = concat(dst, new byte[] {(byte) dst.length});
        ByteArrayOutputStream msgPrime = new ByteArrayOutputStream();
        msgPrime.writeBytes(new byte[SHA256_BLOCK]);
        msgPrime.writeBytes(msg);
        msgPrime.write(lenInBytes >>> 8);
        msgPrime.write(lenInBytes & 0xff);
        msgPrime.write(0);
        msgPrime.writeBytes(dstPrime);
        byte[] b0 = sha256(msgPrime.toByteArray());
        byte[] bi = sha256(concat(b0, new byte[] {1}, dstPrime));
        byte[] out = new byte[ell * SHA256_OUT];
        System.arraycopy(bi, 0, out, 0, SHA256_OUT);
        for (int i = 2; i <= ell; i++) {
            byte[] xored = new byte[SHA256_OUT];
            for (int j = 0; j < SHA256_OUT; j++) {
                xored[j] = (byte) (b0[j] ^ bi[j]);
            }
            bi = sha256(concat(xored, new byte[] {(byte) i}, dstPrime));
            System.arraycopy(bi, 0, out, (i - 1) * SHA256_OUT, SHA256_OUT);
        }
        byte[] result = new byte[lenInBytes];
        System.arraycopy(out, 0, result, 0, lenInBytes);
        return result;
    }

    /** The simplified SWU map (RFC 9380 section 6.6.2) of one field element to a point of P-256. */
    public static ECPoint mapToCurve(BigInteger u) {
        BigInteger u2 = u.multiply(u).mod(P);
        BigInteger zu2 = Z.multiply(u2).mod(P);
        BigInteger tv1 = inv0(zu2.multiply(zu2).add(zu2).mod(P));
        BigInteger x1 = tv1.signum() == 0
                ? B.multiply(inv0(Z.multiply(A).mod(P))).mod(P)
                : P.subtract(B)
                        .multiply(inv0(A))
                        .mod(P)
                        .multiply(BigInteger.ONE.add(tv1))
                        .mod(P);
        BigInteger gx1 = curveRhs(x1);
        BigInteger x;
        BigInteger y;
        if (isSquare(gx1)) {
            x = x1;
            y = gx1.modPow(SQRT_EXPONENT, P);
        } else {
            x = zu2.multiply(x1).mod(P);
            y = curveRhs(x).modPow(SQRT_EXPONENT, P);
        }
        if (u.testBit(0) != y.testBit(0)) {
            y = P.subtract(y).mod(P);
        }
        return ReceiptGroup.curve().createPoint(x, y);
    }

    private static BigInteger curveRhs(BigInteger x) {
        return x.modPow(BigInteger.valueOf(3), P).add(A.multiply(x)).add(B).mod(P);
    }

    private static boolean isSquare(BigInteger x) {
        return x.signum() == 0 || x.modPow(SQUARE_EXPONENT, P).equals(BigInteger.ONE);
    }

    private static BigInteger inv0(BigInteger x) {
        return x.signum() == 0 ? BigInteger.ZERO : x.modInverse(P);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
