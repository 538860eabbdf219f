package dev.ctx.keyservice.kek;

/**
 * An AES-256-GCM key-encryption key held by a provider (HSM token or keystore). Implementations never expose the key.
 *
 * <p>Security guarantees: {@link #seal} output is confidential and authenticated together with {@code aad};
 * {@link #open} succeeds only for the exact ciphertext, IV and AAD that {@link #seal} produced under the same KEK.
 * Thread-safe.
 */
public interface MasterKek extends AutoCloseable {

    /** A stable, non-secret name of this KEK (provider and alias), stored next to what it seals. */
    String kekId();

    /**
     * Encrypts {@code plaintext} under a fresh random 96-bit IV.
     *
     * @param aad the associated data the ciphertext is bound to; required
     * @throws KekException if the provider fails
     */
    KekCiphertext seal(byte[] plaintext, byte[] aad);

    /**
     * Decrypts and authenticates what {@link #seal} produced. The caller owns (and must zero) the returned array.
     *
     * @throws KekException if authentication fails (wrong AAD, tampered bytes, other KEK) or the provider fails
     */
    byte[] open(KekCiphertext ciphertext, byte[] aad);

    /** Releases provider resources; the KEK itself stays in its store. */
    @Override
    void close();
}
