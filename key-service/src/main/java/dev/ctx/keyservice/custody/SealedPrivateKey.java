package dev.ctx.keyservice.custody;

import java.util.Objects;

import dev.ctx.keyservice.kek.KekCiphertext;

/**
 * One private key version sealed under a master KEK: the key version, the KEK's id and the GCM IV + ciphertext.
 * Immutable; holds nothing secret in the clear.
 *
 * @param keyVersion the participant's key version (1, 2, ...)
 * @param kekId the {@link dev.ctx.keyservice.kek.MasterKek#kekId()} that sealed it
 * @param sealed IV and ciphertext
 */
public record SealedPrivateKey(int keyVersion, String kekId, KekCiphertext sealed) {

    public SealedPrivateKey {
        if (keyVersion < 1) {
            throw new IllegalArgumentException("key version must be >= 1, got " + keyVersion);
        }
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(sealed, "sealed");
    }
}
