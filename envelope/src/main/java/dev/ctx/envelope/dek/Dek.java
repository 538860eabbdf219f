package dev.ctx.envelope.dek;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.security.auth.Destroyable;

import dev.ctx.envelope.error.DekBudgetExhaustedException;
import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.internal.AesGcm;

/**
 * A 256-bit AES-GCM data-encryption key handle with an encryption budget (how many times it may encrypt; a
 * per-transaction DEK encrypts once). Decryption is not budgeted.
 *
 * <p>Thread-safe. {@link #destroy()} zeroes the key; every later use throws {@link DestroyedKeyException}.
 * {@link #toString()} is redacted.
 */
public final class Dek implements Destroyable {

    /** Key length in bytes. */
    public static final int LENGTH = 32;

    private final byte[] key;
    private final AtomicInteger encryptionsLeft;
    private volatile boolean destroyed;

    private Dek(byte[] key, int encryptionBudget) {
        if (key == null || key.length != LENGTH) {
            throw new InvalidInputException("DEK must be " + LENGTH + " bytes");
        }
        if (encryptionBudget < 0) {
            throw new InvalidInputException("DEK encryption budget must not be negative");
        }
        this.key = key;
        this.encryptionsLeft = new AtomicInteger(encryptionBudget);
    }

    /** A fresh random DEK that may encrypt {@code encryptionBudget} times. */
    public static Dek generate(SecureRandom random, int encryptionBudget) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new Dek(key, encryptionBudget);
    }

    /** Takes ownership of {@code key} (zeroed on destroy); the caller must not use the array afterwards. */
    public static Dek takeOwnershipOf(byte[] key, int encryptionBudget) {
        return new Dek(key, encryptionBudget);
    }

    /**
     * Encrypts once, consuming one unit of the budget.
     *
     * @throws DekBudgetExhaustedException if the budget is spent
     */
    public byte[] encrypt(byte[] nonce, byte[] aad, byte[] plaintext) {
        byte[] live = liveKey();
        if (encryptionsLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) <= 0) {
            throw new DekBudgetExhaustedException("DEK encryption budget exhausted");
        }
        return AesGcm.encrypt(live, nonce, aad, plaintext);
    }

    /**
     * Decrypts {@code ciphertext[offset, offset+length)} (ciphertext followed by the tag).
     *
     * @throws dev.ctx.envelope.error.AuthenticationFailedException naming {@code what} if the tag does not verify
     */
    public byte[] decrypt(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length, String what) {
        return AesGcm.decrypt(liveKey(), nonce, aad, ciphertext, offset, length, what);
    }

    /**
     * Lends the raw key bytes to {@code wrapping} (for sealing the DEK under a recipient's key, nothing else). The
     * function must not keep, copy or log the array.
     */
    public <T> T exposeKeyBytesForWrapping(Function<byte[], T> wrapping) {
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
}
