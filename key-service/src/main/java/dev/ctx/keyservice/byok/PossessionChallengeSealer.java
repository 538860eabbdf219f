package dev.ctx.keyservice.byok;

import java.util.Arrays;

import dev.ctx.envelope.HpkeChallenge;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * HPKE base mode (RFC 9180), DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM, single shot: the one place the
 * key service's BYOK code calls HPKE, through the envelope library's {@link HpkeChallenge}.
 */
final class PossessionChallengeSealer {

    private PossessionChallengeSealer() {}

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
     * Seals a fresh random challenge of {@link PossessionProtocol#CHALLENGE_LENGTH} bytes to {@code recipient}.
     *
     * @throws dev.ctx.envelope.error.InvalidInputException for a low-order (all-zero shared secret) recipient key
     */
    static HpkeChallenge.Sealed seal(X25519PublicKey recipient, byte[] info, byte[] aad) {
        return HpkeChallenge.sealTo(recipient, info, aad);
    }
}
