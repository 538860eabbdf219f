package dev.ctx.envelope;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.security.auth.Destroyable;

import dev.ctx.envelope.error.DekBudgetExhaustedException;
import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.internal.AesGcm;

/**
 * A 256-bit AES-GCM data-encryption key handle with an encryption budget (how many times it may encrypt; a
 * per-transaction DEK encrypts once). It draws its own 96-bit nonce for every encryption, so no caller chooses one.
 * Decryption is not budgeted.
 *
 * <p>Package-private on purpose: DEK bytes never leave the envelope package; the only way out is the scoped
 * {@link #exposeKeyBytesForWrapping} lending to the HPKE wrap. Thread-safe. {@link #destroy()} zeroes the key; every
 * later use throws {@link DestroyedKeyException}. {@link #toString()} is redacted.
 */
final class Dek implements Destroyable {

    /** Key length in bytes. */
    static final int LENGTH = 32;

    private final byte[] key;
    private final AtomicInteger encryptionsLeft;
    private final Supplier<byte[]> nonces;
    private volatile boolean destroyed;

    private Dek(byte[] key, int encryptionBudget, Supplier<byte[]> nonces) {
        if (key == null || key.length != LENGTH) {
            throw new InvalidInputException("DEK must be " + LENGTH + " bytes");
        }
        if (encryptionBudget < 0) {
            throw new InvalidInputException("DEK encryption budget must not be negative");
        }
        this.key = key;
        this.encryptionsLeft = new AtomicInteger(encryptionBudget);
        this.nonces = nonces;
    }

    /**
     * A fresh random DEK that may encrypt {@code encryptionBudget} times, each under a fresh nonce from
     * {@code random}.
     */
    static Dek generate(SecureRandom random, int encryptionBudget) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new Dek(key, encryptionBudget, () -> {
            byte[] nonce = new byte[AesGcm.NONCE_LENGTH];
            random.nextBytes(nonce);
            return nonce;
        });
    }

    /**
     * Takes ownership of an unwrapped DEK (zeroed on destroy) for decryption only; the caller must not use the array
     * afterwards.
     */
    static Dek forDecryption(byte[] key) {
        return new Dek(key, 0, () -> {
            throw new DekBudgetExhaustedException("a decryption-only DEK does not encrypt");
        });
    }

    /**
     * Known answers only (self-check, golden files, tests): takes ownership of {@code key} and encrypts once with the
     * caller's {@code nonce}. A repeated key and nonce still fails in {@link AesGcm} outside
     * {@link AesGcm#permitRepeatedKeyAndNonceForKnownAnswersOnly}. Never use it for real data.
     */
    static Dek insecureWithFixedNonceForKnownAnswers(byte[] key, byte[] nonce) {
        byte[] fixed = nonce.clone();
        return new Dek(key, 1, fixed::clone);
    }

    /**
     * Encrypts once under a fresh nonce, consuming one unit of the budget.
     *
     * @throws DekBudgetExhaustedException if the budget is spent
     */
    Encryption encrypt(byte[] plaintext, byte[] aad) {
        byte[] live = liveKey();
        if (encryptionsLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) <= 0) {
            throw new DekBudgetExhaustedException("DEK encryption budget exhausted");
        }
        byte[] nonce = nonces.get();
        return new Encryption(nonce, AesGcm.encrypt(live, nonce, aad, plaintext));
    }

    /**
     * Decrypts {@code ciphertext[offset, offset+length)} (ciphertext followed by the tag).
     *
     * @throws dev.ctx.envelope.error.AuthenticationFailedException naming {@code what} if the tag does not verify
     */
    byte[] decrypt(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, String what) {
        return AesGcm.decrypt(liveKey(), nonce, aad, ciphertext, offset, length, what);
    }

    /**
     * Lends the raw key bytes to {@code wrapping} (for sealing the DEK under a recipient's key, nothing else). The
     * function must not keep, copy or log the array.
     */
    <T> T exposeKeyBytesForWrapping(Function<byte[], T> wrapping) {
        return wrapping.apply(liveKey());
    }

    private byte[] liveKey() {
        if (destroyed) {
            throw new DestroyedKeyException("DEK was destroyed");
        }
        return key;
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Dek[<redacted>, encryptionsLeft=" + encryptionsLeft.get() + (destroyed ? ", destroyed" : "") + "]";
    }

    /** The nonce this DEK drew and the ciphertext followed by the tag; both public. */
    static final class Encryption {
        private final byte[] nonce;
        private final byte[] ciphertext;

        private Encryption(byte[] nonce, byte[] ciphertext) {
            this.nonce = nonce;
            this.ciphertext = ciphertext;
        }

        byte[] nonce() {
            return nonce;
        }

        byte[] ciphertext() {
            return ciphertext;
        }
    }
}
