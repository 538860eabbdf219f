package dev.ctx.envelope.receipts;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A fixed-window precomputed table of one generator P, built once with BouncyCastle's point operations: for window
 * i (bits [w·i, w·i + w) of the scalar) and digit d in [0, 2^w) the affine point T_i[d] = (d + 1)·2^(w·i)·P, held in
 * a BouncyCastle cache-safe lookup table (every lookup reads every entry of the window). A scalar k = Σ d_i·2^(w·i)
 * of m windows is then Σ T_i[d_i] - O_m with the public offset O_m = Σ_{i<m} 2^(w·i)·P: one mixed addition per
 * window and no doublings, against a doubling and an addition per comb column in BouncyCastle's comb. The "+ 1"
 * keeps the identity out of the table, so every window costs the same work whatever its digit.
 *
 * <p>Callers start the accumulator at the negated offset (see {@link #negatedOffset(int)}) and add the windows of
 * several tables into the same accumulator, which makes a·P + b·Q one pass. Thread-safe after construction.
 */
final class FixedBaseTable {

    /** Bits per window: 2^5 = 32 entries per window balances the lookup scan against the addition. */
    static final int WINDOW_BITS = 5;

    private static final int ENTRIES = 1 << WINDOW_BITS;
    private static final int DIGIT_MASK = ENTRIES - 1;

    private final ECLookupTable[] tables;
    /** prefix[m] = O_m negated, affine; prefix[0] is the identity. */
    private final ECPoint[] negatedOffsets;

    private FixedBaseTable(ECLookupTable[] tables, ECPoint[] negatedOffsets) {
        this.tables = tables;
        this.negatedOffsets = negatedOffsets;
    }

    /** The table of {@code base} for scalars of up to {@code bits} bits. */
    static FixedBaseTable build(ECPoint base, int bits) {
        ECCurve curve = base.getCurve();
        int windows = windowsFor(bits);
        ECPoint[] points = new ECPoint[windows * ENTRIES];
        ECPoint[] offsets = new ECPoint[windows + 1];
        offsets[0] = curve.getInfinity();
        ECPoint windowBase = base.normalize();
        for (int i = 0; i < windows; i++) {
            ECPoint multiple = windowBase;
            for (int d = 0; d < ENTRIES; d++) {
                points[i * ENTRIES + d] = multiple;
                multiple = multiple.add(windowBase);
            }
            offsets[i + 1] = offsets[i].add(windowBase);
            windowBase = windowBase.timesPow2(WINDOW_BITS);
        }
        curve.normalizeAll(points);
        ECLookupTable[] tables = new ECLookupTable[windows];
        for (int i = 0; i < windows; i++) {
            tables[i] = curve.createCacheSafeLookupTable(points, i * ENTRIES, ENTRIES);
        }
        ECPoint[] negated = new ECPoint[windows + 1];
        for (int m = 0; m <= windows; m++) {
            negated[m] = offsets[m].negate();
        }
        curve.normalizeAll(negated);
        return new FixedBaseTable(tables, negated);
    }

    /** The number of windows that covers {@code bits} bits. */
    static int windowsFor(int bits) {
        return (bits + WINDOW_BITS - 1) / WINDOW_BITS;
    }

    /** -O_m for a scalar of m windows (public, affine). */
    ECPoint negatedOffset(int windowCount) {
        return negatedOffsets[windowCount];
    }

    /**
     * Adds Σ_{i<m} T_i[d_i] for the first {@code windowCount} windows of {@code scalar} to {@code accumulator}: the
     * same lookups and additions for every scalar of that window count.
     *
     * @param words the scalar as little-endian 32-bit words
     */
    ECPoint addWindows(ECPoint accumulator, int[] words, int windowCount) {
        ECPoint sum = accumulator;
        for (int i = 0; i < windowCount; i++) {
            sum = sum.add(tables[i].lookup(digit(words, i)));
        }
        return sum;
    }

    /** The w-bit digit of window {@code i}; the position is public, the branches depend only on it. */
    static int digit(int[] words, int i) {
        int bit = i * WINDOW_BITS;
        int word = bit >>> 5;
        int shift = bit & 31;
        long low = words[word] & 0xffffffffL;
        long high = word + 1 < words.length ? (words[word + 1] & 0xffffffffL) << 32 : 0L;
        return (int) ((low | high) >>> shift) & DIGIT_MASK;
    }

    /** Non-negative {@code k} as little-endian 32-bit words, {@code wordCount} of them; {@code k} must fit. */
    static int[] words(BigInteger k, int wordCount) {
        byte[] bigEndian = k.toByteArray();
        int[] words = new int[wordCount];
        int usable = Math.min(bigEndian.length, 4 * wordCount);
        for (int i = 0; i < usable; i++) {
            words[i >>> 2] |= (bigEndian[bigEndian.length - 1 - i] & 0xff) << (8 * (i & 3));
        }
        Arrays.fill(bigEndian, (byte) 0);
        return words;
    }
}
