package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.envelope.error.InvalidPointException;
import dev.ctx.envelope.error.ReceiptFormatException;

class MalformedPointTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> malformed() {
        byte[] g = ReceiptGroup.encode(ReceiptGroup.g());
        byte[] uncompressed = ReceiptGroup.g().getEncoded(false);
        byte[] wrongPrefix = g.clone();
        wrongPrefix[0] = 0x04;
        return Stream.of(
                Arguments.of("the identity (SEC1 0x00)", new byte[] {0}),
                Arguments.of("33 zero bytes", new byte[33]),
                Arguments.of("x not on the curve", offCurve()),
                Arguments.of(
                        "x equal to the field prime",
                        HEX.parseHex("02ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")),
                Arguments.of("uncompressed form", uncompressed),
                Arguments.of("wrong prefix", wrongPrefix),
                Arguments.of("truncated", HEX.parseHex(HEX.formatHex(g).substring(0, 64))),
                Arguments.of("null", null));
    }

    /** 0x02 || x for the smallest x whose x^3 - 3x + b is not a square mod p (Euler's criterion). */
    private static byte[] offCurve() {
        BigInteger p = ReceiptGroup.FIELD_PRIME;
        BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
        for (long candidate = 1; ; candidate++) {
            BigInteger x = BigInteger.valueOf(candidate);
            BigInteger rhs = x.pow(3)
                    .subtract(x.multiply(BigInteger.valueOf(3)))
                    .add(ReceiptGroup.CURVE_B)
                    .mod(p);
            if (!rhs.modPow(half, p).equals(BigInteger.ONE)) {
                byte[] encoded = new byte[33];
                encoded[0] = 0x02;
                System.arraycopy(ReceiptGroup.encodeScalar(x), 0, encoded, 1, 32);
                return encoded;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void commitmentParseRejectsMalformedPoints(String what, byte[] bytes) {
        assertThatThrownBy(() -> Commitment.parse(bytes)).isInstanceOf(InvalidPointException.class);
    }

    @Test
    void proofWithAnIdentityOrOffCurveNonceIsRejected() {
        // Given
        SecureRandom random = new SecureRandom();
        Opening opening = Opening.random(BigInteger.TEN, random);
        byte[] proof =
                OpeningProof.prove("txn-1", opening.commit(), opening, random).toBytes();
        byte[] offCurve = proof.clone();
        System.arraycopy(offCurve(), 0, offCurve, 1, 33);
        byte[] identity = proof.clone();
        System.arraycopy(new byte[33], 0, identity, 1, 33);
        // When / Then
        assertThatThrownBy(() -> OpeningProof.parse(offCurve)).isInstanceOf(InvalidPointException.class);
        assertThatThrownBy(() -> OpeningProof.parse(identity)).isInstanceOf(InvalidPointException.class);
    }

    @Test
    void scalarNotBelowTheOrderIsRejected() {
        // Given
        byte[] order = ReceiptGroup.encodeScalar(ReceiptGroup.order().subtract(BigInteger.ONE));
        order[31] += 1;
        // When / Then
        assertThatThrownBy(() -> Opening.of(BigInteger.ONE, order)).isInstanceOf(ReceiptFormatException.class);
    }
}
