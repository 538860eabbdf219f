package dev.ctx.envelope.internal.hpke;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Mac;

import dev.ctx.envelope.internal.HmacSha256;

/** RFC 9180 §4 {@code LabeledExtract} and {@code LabeledExpand} over HKDF-SHA256 (outputs of at most 32 bytes). */
final class Labeled {

    static final byte[] KEM_SUITE_ID = {'K', 'E', 'M', 0, (byte) HpkeSuite.KEM_ID};
    private static final byte[] VERSION_LABEL = "HPKE-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_SALT = new byte[HmacSha256.LENGTH];

    private Labeled() {}

    static byte[] extract(byte[] salt, byte[] suiteId, byte[] label, byte[] ikm) {
        Mac mac = HmacSha256.keyedWith(salt.length == 0 ? ZERO_SALT : salt);
        mac.update(VERSION_LABEL);
        mac.update(suiteId);
        mac.update(label);
        mac.update(ikm);
        return mac.doFinal();
    }

    /** Single-block HKDF-Expand: {@code length} must not exceed 32. */
    static byte[] expand(byte[] prk, byte[] suiteId, byte[] label, byte[] info, int length) {
        Mac mac = HmacSha256.keyedWith(prk);
        mac.update((byte) (length >>> 8));
        mac.update((byte) length);
        mac.update(VERSION_LABEL);
        mac.update(suiteId);
        mac.update(label);
        mac.update(info);
        mac.update((byte) 1);
        byte[] block = mac.doFinal();
        if (length == block.length) {
            return block;
        }
        byte[] out = Arrays.copyOf(block, length);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    static byte[] ascii(String label) {
        return label.getBytes(StandardCharsets.US_ASCII);
    }
}
