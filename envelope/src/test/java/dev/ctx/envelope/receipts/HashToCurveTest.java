package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers of RFC 9380 Appendix J.1.1 (suite P256_XMD:SHA-256_SSWU_RO_) and the pinned generator H. */
class HashToCurveTest {

    private static final byte[] RFC_DST =
            "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII);
    /** H = hash_to_curve("ctx receipts v1: Pedersen generator H") under the receipts DST, compressed. */
    private static final String PINNED_H = "0265ccb0425ce7cc5847a6be90fb6f53407579f787c6688b13402046a2d6ce88a4";

    @ParameterizedTest(name = "msg \"{0}\"")
    @CsvSource({
        "'', 2c15230b26dbc6fc9a37051158c95b79656e17a1a920b11394ca91c44247d3e4,"
                + " 8a7a74985cc5c776cdfe4b1f19884970453912e9d31528c060be9ab5c43e8415,"
                + " ad5342c66a6dd0ff080df1da0ea1c04b96e0330dd89406465eeba11582515009,"
                + " 8c0f1d43204bd6f6ea70ae8013070a1518b43873bcd850aafa0a9e220e2eea5a",
        "abc, 0bb8b87485551aa43ed54f009230450b492fead5f1cc91658775dac4a3388a0f,"
                + " 5c41b3d0731a27a7b14bc0bf0ccded2d8751f83493404c84a88e71ffd424212e,"
                + " afe47f2ea2b10465cc26ac403194dfb68b7f5ee865cda61e9f3e07a537220af1,"
                + " 379a27833b0bfe6f7bdca08e1e83c760bf9a338ab335542704edcd69ce9e46e0",
        "abcdef0123456789, 65038ac8f2b1def042a5df0b33b1f4eca6bff7cb0f9c6c1526811864e544ed80,"
                + " cad44d40a656e7aff4002a8de287abc8ae0482b5ae825822bb870d6df9b56ca3,"
                + " 0fad9d125a9477d55cf9357105b0eb3a5c4259809bf87180aa01d651f53d312c,"
                + " b68597377392cd3419d8fcc7d7660948c8403b19ea78bbca4b133c9d2196c0fb"
    })
    void hashToCurveMatchesTheRfcVectors(String msg, String px, String py, String u0, String u1) {
        // Given
        byte[] message = msg.getBytes(StandardCharsets.US_ASCII);
        // When
        BigInteger[] u = HashToCurve.hashToField(message, RFC_DST, 2);
        ECPoint p = HashToCurve.hashToCurve(message, RFC_DST);
        // Then
        assertThat(u[0]).isEqualTo(new BigInteger(u0, 16));
        assertThat(u[1]).isEqualTo(new BigInteger(u1, 16));
        assertThat(p.getAffineXCoord().toBigInteger()).isEqualTo(new BigInteger(px, 16));
        assertThat(p.getAffineYCoord().toBigInteger()).isEqualTo(new BigInteger(py, 16));
    }

    @Test
    void simplifiedSwuMapMatchesTheRfcIntermediateValues() {
        // Given: Appendix J.1.1, msg = "", u[0] and u[1]
        BigInteger u0 = new BigInteger("ad5342c66a6dd0ff080df1da0ea1c04b96e0330dd89406465eeba11582515009", 16);
        BigInteger u1 = new BigInteger("8c0f1d43204bd6f6ea70ae8013070a1518b43873bcd850aafa0a9e220e2eea5a", 16);
        // When
        ECPoint q0 = HashToCurve.mapToCurve(u0).normalize();
        ECPoint q1 = HashToCurve.mapToCurve(u1).normalize();
        // Then
        assertThat(q0.getAffineXCoord().toBigInteger().toString(16))
                .isEqualTo("ab640a12220d3ff283510ff3f4b1953d09fad35795140b1c5d64f313967934d5");
        assertThat(q0.getAffineYCoord().toBigInteger().toString(16))
                .isEqualTo("dccb558863804a881d4fff3455716c836cef230e5209594ddd33d85c565b19b1");
        assertThat(q1.getAffineXCoord().toBigInteger().toString(16))
                .isEqualTo("51cce63c50d972a6e51c61334f0f4875c9ac1cd2d3238412f84e31da7d980ef5");
        assertThat(q1.getAffineYCoord().toBigInteger().toString(16))
                .isEqualTo("b45d1a36d00ad90e5ec7840a60a4de411917fbe7c82c3949a6e699e5a1b66aac");
    }

    @Test
    void generatorHIsPinnedAndIsNotG() {
        // When
        String h = HexFormat.of().formatHex(ReceiptGroup.encode(ReceiptGroup.h()));
        // Then
        assertThat(ReceiptGroup.h().isValid()).isTrue();
        assertThat(ReceiptGroup.h()).isNotEqualTo(ReceiptGroup.g());
        assertThat(h).isEqualTo(PINNED_H);
    }

    @Test
    void expandMessageWritesALengthAbove255AsTwoBigEndianBytes() {
        // Given: RFC 9380 Appendix K.1's DST; the answer comes from an independent Python (hashlib) implementation
        // checked against that appendix's 32-byte vector
        byte[] dst = "QUUX-V01-CS02-with-expander-SHA256-128".getBytes(StandardCharsets.US_ASCII);
        // When
        byte[] uniform = HashToCurve.expandMessageXmd("abc".getBytes(StandardCharsets.US_ASCII), dst, 0x12c);
        // Then
        assertThat(uniform).hasSize(0x12c);
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(uniform, 0, 32)))
                .isEqualTo("e7693d17e0dfa63aab6d0d17b1c4b51f6a5f20034ab5f134d1b78123572a9539");
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(uniform, 0x12c - 32, 0x12c)))
                .isEqualTo("90bef6914f3cdddd8ba2584979363c8c82ed1feaca674212071f644ad38f332d");
    }

    @Test
    void expandMessageAcceptsDstsOfOneTo255BytesOnly() {
        byte[] msg = {1, 2, 3};
        assertThat(HashToCurve.expandMessageXmd(msg, new byte[] {'d'}, 32)).hasSize(32);
        assertThat(HashToCurve.expandMessageXmd(msg, new byte[255], 32)).hasSize(32);
        assertThatThrownBy(() -> HashToCurve.expandMessageXmd(msg, new byte[256], 32))
                .isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashToCurve.expandMessageXmd(msg, new byte[0], 32))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expandMessageProducesOneTo255HashBlocksOnly() {
        byte[] msg = {1, 2, 3};
        byte[] dst = {'d'};
        assertThat(HashToCurve.expandMessageXmd(msg, dst, 1)).hasSize(1);
        assertThat(HashToCurve.expandMessageXmd(msg, dst, 255 * 32)).hasSize(255 * 32);
        assertThatThrownBy(() -> HashToCurve.expandMessageXmd(msg, dst, 255 * 32 + 1))
                .isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashToCurve.expandMessageXmd(msg, dst, 0))
                .isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashToCurve.expandMessageXmd(msg, dst, Integer.MAX_VALUE))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAsciiTagHashesAsItsBytes() {
        // Given
        byte[] msg = "abc".getBytes(StandardCharsets.US_ASCII);
        // When
        ECPoint fromString = HashToCurve.hashToCurve(msg, "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_");
        // Then
        assertThat(fromString).isEqualTo(HashToCurve.hashToCurve(msg, RFC_DST));
    }
}
