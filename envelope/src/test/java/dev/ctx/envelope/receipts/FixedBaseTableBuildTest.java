package dev.ctx.envelope.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * Building a fixed-base table, on a table of its own (the receipts' tables of G and H are built once per class
 * loading): every entry of every window, the negated offsets and the window count for a bit length. A 15-bit table
 * (three windows) is small enough to check each of its 96 entries against BouncyCastle's plain multiply.
 */
class FixedBaseTableBuildTest {

    private static final int BITS = 15;
    private static final int WINDOWS = 3;
    private static final ECPoint G = ReceiptGroup.g();

    private static ECPoint tableMultiple(FixedBaseTable table, BigInteger k) {
        int[] words = FixedBaseTable.words(k, 1);
        return table.addWindows(table.negatedOffset(WINDOWS), words, WINDOWS).normalize();
    }

    @Test
    void everyEntryOfEveryWindowIsItsMultipleOfTheBase() {
        // Given
        FixedBaseTable table = FixedBaseTable.build(G, BITS);
        for (int window = 0; window < WINDOWS; window++) {
            for (int digit = 0; digit < 1 << FixedBaseTable.WINDOW_BITS; digit++) {
                BigInteger k = BigInteger.valueOf(digit).shiftLeft(window * FixedBaseTable.WINDOW_BITS);
                // When
                ECPoint multiple = tableMultiple(table, k);
                // Then
                assertThat(multiple).as("k = %s", k).isEqualTo(G.multiply(k).normalize());
            }
        }
    }

    @Test
    void scalarsMixingEveryWindowEqualThePlainMultiply() {
        // Given
        FixedBaseTable table = FixedBaseTable.build(ReceiptGroup.h(), BITS);
        for (int k : new int[] {0x7fff, 0x5555, 0x2aaa, 0x4021, 12_345}) {
            // When
            ECPoint multiple = tableMultiple(table, BigInteger.valueOf(k));
            // Then
            assertThat(multiple)
                    .isEqualTo(ReceiptGroup.h().multiply(BigInteger.valueOf(k)).normalize());
        }
    }

    @Test
    void theNegatedOffsetsAreAffineAndSumTheWindowBases() {
        // Given
        FixedBaseTable table = FixedBaseTable.build(G, BITS);
        // When / Then: -O_m = -(1 + 2^5 + ... + 2^(5(m-1))) G, affine
        BigInteger offset = BigInteger.ZERO;
        for (int m = 0; m <= WINDOWS; m++) {
            ECPoint negated = table.negatedOffset(m);
            assertThat(negated.isNormalized()).isTrue();
            assertThat(negated).isEqualTo(G.multiply(offset).negate().normalize());
            offset = offset.add(BigInteger.ONE.shiftLeft(m * FixedBaseTable.WINDOW_BITS));
        }
    }

    @Test
    void theWindowCountCoversTheBitLength() {
        assertThat(FixedBaseTable.windowsFor(1)).isEqualTo(1);
        assertThat(FixedBaseTable.windowsFor(5)).isEqualTo(1);
        assertThat(FixedBaseTable.windowsFor(6)).isEqualTo(2);
        assertThat(FixedBaseTable.windowsFor(64)).isEqualTo(13);
        assertThat(FixedBaseTable.windowsFor(256)).isEqualTo(52);
    }

    @Test
    void theLastWindowOfTheLastWordReadsNoFurtherWord() {
        // Given: bits 30..34 of a one-word scalar: only bits 30 and 31 exist
        int[] words = {0xc000_0000};
        // When / Then
        assertThat(FixedBaseTable.digit(words, 6)).isEqualTo(3);
    }
}
