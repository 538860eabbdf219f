package dev.ctx.schemas.auditlog;

/**
 * Whether bytes are well-formed UTF-8 (RFC 3629; the Unicode Standard's table 3-7): exactly the byte strings that a
 * Java decoder turns into a string whose UTF-8 encoding is the same bytes. No overlong forms, no surrogates, nothing
 * past U+10FFFF, no truncated sequence.
 */
final class WellFormedUtf8 {

    private WellFormedUtf8() {}

    static boolean check(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > to || !secondInRange(b, bytes[i + 1] & 0xFF)) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if (!continuation(bytes[i + k] & 0xFF)) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    /** The second byte's range depends on the first (table 3-7): it rules out overlongs, surrogates and > U+10FFFF. */
    private static boolean secondInRange(int first, int second) {
        return switch (first) {
            case 0xE0 -> second >= 0xA0 && second <= 0xBF;
            case 0xED -> second >= 0x80 && second <= 0x9F;
            case 0xF0 -> second >= 0x90 && second <= 0xBF;
            case 0xF4 -> second >= 0x80 && second <= 0x8F;
            default -> continuation(second);
        };
    }

    private static boolean continuation(int b) {
        return b >= 0x80 && b <= 0xBF;
    }
}
