package dev.ctx.envelope.internal.hpke;

import java.util.Arrays;

import javax.security.auth.Destroyable;

import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.internal.AesGcm;

/**
 * An RFC 9180 §5.2 encryption context (sender or recipient): the AEAD key, base nonce and sequence number.
 *
 * <p>Thread-safe (every method synchronizes on the context): the sequence number advances with every {@link #seal}
 * or successful {@link #open}; {@link #openAt} opens any sequence number directly (nonce = base_nonce XOR seq) without
 * moving it, for recipients of a multi-shot sender that read messages in any order. Destroy it when done;
 * {@link #toString()} is redacted.
 */
public final class HpkeContext implements Destroyable {

    private final HpkeSuite suite;
    private final byte[] enc;
    private final byte[] key;
    private final byte[] baseNonce;
    private long sequence;
    private boolean destroyed;
    private AesGcm.Keyed aead;

    HpkeContext(HpkeSuite suite, byte[] enc, byte[] key, byte[] baseNonce) {
        this.suite = suite;
        this.enc = enc;
        this.key = key;
        this.baseNonce = baseNonce;
    }

    /** The encapsulated key {@code enc} (public). */
    public byte[] enc() {
        return enc.clone();
    }

    public HpkeSuite suite() {
        return suite;
    }

    /** Encrypts with the current sequence number's nonce, then advances it. */
    public synchronized byte[] seal(byte[] aad, byte[] plaintext) {
        byte[] ciphertext = aead().encrypt(nonce(sequence), aad, plaintext);
        sequence++;
        return ciphertext;
    }

    /**
     * Decrypts with the current sequence number's nonce and advances it on success.
     *
     * @throws dev.ctx.envelope.error.AuthenticationFailedException if the tag does not verify
     */
    public synchronized byte[] open(byte[] aad, byte[] ciphertext) {
        byte[] plaintext =
                AesGcm.decrypt(liveKey(), nonce(sequence), aad, ciphertext, 0, ciphertext.length, "HPKE open");
        sequence++;
        return plaintext;
    }

    /** The sequence number the next {@link #seal} or {@link #open} uses. */
    public synchronized long sequence() {
        return sequence;
    }

    /**
     * Decrypts the message sealed at sequence number {@code seq} (RFC 9180 §5.2 nonce derivation) without moving this
     * context's own sequence number.
     *
     * @throws dev.ctx.envelope.error.AuthenticationFailedException if the tag does not verify
     * @throws dev.ctx.envelope.error.InvalidInputException if {@code seq} is negative
     */
    public synchronized byte[] openAt(long seq, byte[] aad, byte[] ciphertext) {
        return aead().decrypt(nonce(seq), aad, ciphertext, "HPKE open");
    }

    /** This context's own AES-GCM cipher: the key schedule is computed once for all its sequence numbers. */
    private AesGcm.Keyed aead() {
        byte[] live = liveKey();
        if (aead == null) {
            aead = AesGcm.keyed(live);
        }
        return aead;
    }

    /** RFC 9180 §5.2 {@code ComputeNonce(seq) = base_nonce XOR I2OSP(seq, Nn)}. */
    byte[] nonce(long seq) {
        if (seq < 0) {
            throw new InvalidInputException("HPKE sequence number overflow");
        }
        byte[] nonce = baseNonce.clone();
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
        }
        return nonce;
    }

    byte[] keyForTesting() {
        return key.clone();
    }

    byte[] baseNonceForTesting() {
        return baseNonce.clone();
    }

    private byte[] liveKey() {
        if (destroyed) {
            throw new DestroyedKeyException("HPKE context was destroyed");
        }
        return key;
    }

    @Override
    public synchronized void destroy() {
        destroyed = true;
        aead = null;
        Arrays.fill(key, (byte) 0);
        Arrays.fill(baseNonce, (byte) 0);
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public synchronized String toString() {
        return "HpkeContext[" + suite + ", key=<redacted>, seq=" + sequence + "]";
    }
}
