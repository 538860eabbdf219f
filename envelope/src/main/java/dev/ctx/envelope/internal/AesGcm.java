package dev.ctx.envelope.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.function.Supplier;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.CryptoProviderException;

/**
 * AES-GCM (128-bit tag, 96-bit nonce) on one JDK {@link Cipher} per thread, re-initialised per operation. Thread-safe.
 * Key length selects AES-128 or AES-256. A repeated key and nonce on encryption fails with
 * {@link CryptoProviderException}, except inside {@link #permitRepeatedKeyAndNonceForKnownAnswersOnly}.
 */
public final class AesGcm {

    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    /** Tag length in bytes. */
    public static final int TAG_LENGTH = 16;

    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcm::newCipher);
    private static final ThreadLocal<Boolean> KNOWN_ANSWERS = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private AesGcm() {}

    /** Encrypts {@code plaintext}; returns ciphertext followed by the tag. */
    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("AES-GCM encryption failed in the provider", e);
        }
    }

    /**
     * Decrypts {@code ciphertext[offset, offset+length)} (ciphertext followed by the tag).
     *
     * @throws AuthenticationFailedException naming {@code what} if the tag does not verify
     */
    public static byte[] decrypt(
            byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, String what) {
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertext, offset, length);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException(
                    what + ": AES-GCM tag mismatch (wrong key, or tampered data or context)");
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("AES-GCM decryption failed in the provider for " + what, e);
        }
    }

    /**
     * Runs {@code knownAnswerComputation} on this thread with the one exception to nonce-reuse refusal: there, when
     * the JDK refuses to encrypt twice under the same key and nonce, the encryption is retried on a fresh
     * {@link Cipher}. Only deterministic known-answer code (the startup self-check, golden files, test vectors) may
     * call it, because only there is a repeated key and nonce intended; everywhere else the refusal propagates as a
     * {@link CryptoProviderException}, since a repeat on the sealing path means broken randomness.
     */
    public static <T> T permitRepeatedKeyAndNonceForKnownAnswersOnly(Supplier<T> knownAnswerComputation) {
        boolean outer = KNOWN_ANSWERS.get();
        KNOWN_ANSWERS.set(Boolean.TRUE);
        try {
            return knownAnswerComputation.get();
        } finally {
            KNOWN_ANSWERS.set(outer);
        }
    }

    private static Cipher init(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        SecretKeySpec keySpec = new SecretKeySpec(key, "AES");
        GCMParameterSpec params = new GCMParameterSpec(TAG_LENGTH * 8, nonce);
        Cipher cipher = CIPHER.get();
        try {
            cipher.init(mode, keySpec, params);
            return cipher;
        } catch (InvalidAlgorithmParameterException refused) {
            // The JDK refuses two consecutive encryptions under the same key and nonce on one Cipher.
            CIPHER.remove();
            if (!KNOWN_ANSWERS.get()) {
                throw new CryptoProviderException(
                        "AES-GCM refused to encrypt under a repeated key and nonce "
                                + "(the sealing path never repeats them: randomness is broken)",
                        refused);
            }
            Cipher fresh = newCipher();
            fresh.init(mode, keySpec, params);
            CIPHER.set(fresh);
            return fresh;
        }
    }

    /**
     * An AES-GCM {@link Cipher} dedicated to one key, so that its AES key schedule is computed once rather than on
     * every operation (the JDK keeps the expanded key while the key stays the same). For multi-shot HPKE contexts,
     * which use one key for many nonces. Not thread-safe: the caller confines or synchronizes it.
     */
    public static final class Keyed {

        private final SecretKeySpec key;
        private final Cipher cipher = newCipher();

        Keyed(byte[] key) {
            this.key = new SecretKeySpec(key, "AES");
        }

        /** Encrypts under a nonce never used with this key before; returns ciphertext followed by the tag. */
        public byte[] encrypt(byte[] nonce, byte[] aad, byte[] plaintext) {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                cipher.updateAAD(aad);
                return cipher.doFinal(plaintext);
            } catch (InvalidAlgorithmParameterException refused) {
                throw new CryptoProviderException("AES-GCM refused to encrypt under a repeated key and nonce", refused);
            } catch (GeneralSecurityException e) {
                throw new CryptoProviderException("AES-GCM encryption failed in the provider", e);
            }
        }

        /**
         * Decrypts {@code ciphertext} (ciphertext followed by the tag).
         *
         * @throws AuthenticationFailedException naming {@code what} if the tag does not verify
         */
        public byte[] decrypt(byte[] nonce, byte[] aad, byte[] ciphertext, String what) {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                cipher.updateAAD(aad);
                return cipher.doFinal(ciphertext);
            } catch (AEADBadTagException e) {
                throw new AuthenticationFailedException(
                        what + ": AES-GCM tag mismatch (wrong key, or tampered data or context)");
            } catch (GeneralSecurityException e) {
                throw new CryptoProviderException("AES-GCM decryption failed in the provider for " + what, e);
            }
        }

        @Override
        public String toString() {
            return "AesGcm.Keyed[key=<redacted>]";
        }
    }

    /** A {@link Keyed} cipher for {@code key} (copied). */
    public static Keyed keyed(byte[] key) {
        return new Keyed(key);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("the JDK provides no AES/GCM/NoPadding", e);
        }
    }
}
