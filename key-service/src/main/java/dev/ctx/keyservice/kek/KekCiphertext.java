package dev.ctx.keyservice.kek;

import java.util.Arrays;
import java.util.Objects;

/** A 12-byte GCM IV and the ciphertext with its 16-byte tag. Immutable; arrays are copied in and out. */
public final class KekCiphertext {

    /** GCM IV length in bytes. */
    public static final int IV_LENGTH = 12;
    /** GCM tag length in bytes. */
    public static final int TAG_LENGTH = 16;

    private final byte[] iv;
    private final byte[] ciphertext;

    private KekCiphertext(byte[] iv, byte[] ciphertext) {
        this.iv = iv;
        this.ciphertext = ciphertext;
    }

    /**
     * @throws IllegalArgumentException if the IV is not 12 bytes or the ciphertext is shorter than a tag
     */
    public static KekCiphertext of(byte[] iv, byte[] ciphertext) {
        Objects.requireNonNull(iv, "iv");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (iv.length != IV_LENGTH || ciphertext.length < TAG_LENGTH) {
            throw new IllegalArgumentException("KEK ciphertext needs a 12-byte IV and at least a 16-byte tag");
        }
        return new KekCiphertext(iv.clone(), ciphertext.clone());
    }

    public byte[] iv() {
        return iv.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KekCiphertext that
                && Arrays.equals(iv, that.iv)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(iv) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "KekCiphertext[ivLength=" + iv.length + ", ciphertextLength=" + ciphertext.length + "]";
    }
}
