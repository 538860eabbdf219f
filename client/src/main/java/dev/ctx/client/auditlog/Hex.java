package dev.ctx.client.auditlog;

import java.util.Arrays;

/** Lower-case hex of hashes, decoded without per-call allocation beyond the result. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    /** The value of each ASCII hex digit, -1 for every other character below 128. */
    private static final byte[] VALUES = values();

    private Hex() {}

    static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** The bytes of {@code length} hex characters at {@code offset} of {@code text}. */
    static byte[] decode(char[] text, int offset, int length) {
        if ((length & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[length / 2];
        int bad = 0;
        for (int i = 0, at = offset; i < out.length; i++, at += 2) {
            int high = value(text[at]);
            int low = value(text[at + 1]);
            bad |= high | low;
            out[i] = (byte) ((high << 4) | low);
        }
        if (bad < 0) {
            throw new IllegalArgumentException("not a hex digit");
        }
        return out;
    }

    static byte[] decode(String text) {
        return decode(text.toCharArray(), 0, text.length());
    }

    /** The digit's value, or a negative number for a character that is no hex digit. */
    private static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    private static byte[] values() {
        byte[] values = new byte[128];
        Arrays.fill(values, (byte) -1);
        for (int i = 0; i < 10; i++) {
            values['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            values['a' + i] = (byte) (10 + i);
            values['A' + i] = (byte) (10 + i);
        }
        return values;
    }
}
