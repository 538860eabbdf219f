package dev.ctx.client.auditlog;

/** Lower-case hex of hashes, decoded without per-call allocation beyond the result. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

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
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(text[offset + 2 * i]) << 4) | digit(text[offset + 2 * i + 1]));
        }
        return out;
    }

    static byte[] decode(String text) {
        return decode(text.toCharArray(), 0, text.length());
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not a hex digit");
    }
}
