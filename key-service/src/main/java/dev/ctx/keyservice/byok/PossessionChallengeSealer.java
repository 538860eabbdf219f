package dev.ctx.keyservice.byok;

import java.util.Arrays;

import dev.ctx.envelope.hpke.Hpke;
import dev.ctx.envelope.hpke.HpkeSuite;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * HPKE base mode (RFC 9180), DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM, single shot: the one place the
 * key service's BYOK code calls HPKE, so it is easy to point at another HPKE API.
 */
final class PossessionChallengeSealer {

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    private PossessionChallengeSealer() {
    }

    /**
     * Refuses a key no challenge can be sealed to (a low-order point: every shared secret with it is all zero), before
     * anything is recorded.
     *
     * @throws dev.ctx.envelope.error.InvalidInputException for such a key
     */
    static void requireSealable(X25519PublicKey recipient) {
        X25519KeyPair probe = X25519KeyPair.generate();
        byte[] shared = new byte[X25519PublicKey.LENGTH];
        try {
            probe.privateKey().agreeWith(recipient.bytes(), 0, shared, 0);
        } finally {
            Arrays.fill(shared, (byte) 0);
            probe.destroy();
        }
    }

    /**
     * @throws dev.ctx.envelope.error.InvalidInputException for a low-order (all-zero shared secret) recipient key
     */
    static Sealed seal(X25519PublicKey recipient, byte[] info, byte[] aad, byte[] challenge) {
        Hpke.SealedMessage sealed = HPKE.seal(recipient, info, aad, challenge);
        return new Sealed(sealed.enc(), sealed.ciphertext());
    }

    /**
     * @param enc the encapsulated ephemeral public key (32 bytes)
     * @param ciphertext the sealed challenge with its 16-byte tag
     */
    record Sealed(byte[] enc, byte[] ciphertext) {
    }
}
