package dev.ctx.envelope;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.internal.hpke.Hpke;
import dev.ctx.envelope.internal.hpke.HpkeSuite;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * Proof of possession of an X25519 private key: {@link #sealTo} seals a fresh random 32-byte challenge to a public
 * key, and only the holder of the matching private key can {@link #open} it and send the challenge back.
 *
 * <p>The seal is standard RFC 9180 HPKE, single-shot base mode, suite DHKEM(X25519, HKDF-SHA256) (KEM id
 * {@code 0x0020}), HKDF-SHA256 ({@code 0x0001}), AES-256-GCM ({@code 0x0002}), the same suite the DEK wraps use, so a
 * participant opens it with any HPKE library: {@code enc} (32 bytes) and {@code ciphertext} (32 + 16-byte tag) with the
 * caller's {@code info} and {@code aad}. This is the only HPKE entry point for other modules; the implementation in
 * {@code dev.ctx.envelope.internal.hpke} is not API. Stateless and thread-safe.
 */
public final class HpkeChallenge {

    /** Length of the challenge in bytes. */
    public static final int LENGTH = 32;

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HpkeChallenge() {}

    /** Seals a fresh random 32-byte challenge to {@code recipient} with a fresh ephemeral key. */
    public static Sealed sealTo(X25519PublicKey recipient, byte[] info, byte[] aad) {
        Objects.requireNonNull(recipient, "recipient");
        byte[] challenge = new byte[LENGTH];
        RANDOM.nextBytes(challenge);
        Hpke.SealedMessage sealed = HPKE.seal(recipient, checked(info, "info"), checked(aad, "aad"), challenge);
        return new Sealed(challenge, sealed.enc(), sealed.ciphertext());
    }

    /**
     * Opens a challenge sealed to {@code recipient}'s public key: what its holder answers.
     *
     * @throws AuthenticationFailedException on a wrong key or a tampered {@code enc}, ciphertext, {@code info} or
     *         {@code aad}
     * @throws EnvelopeFormatException if {@code enc} is not 32 bytes
     */
    public static byte[] open(X25519PrivateKey recipient, byte[] enc, byte[] ciphertext, byte[] info, byte[] aad) {
        Objects.requireNonNull(recipient, "recipient");
        return HPKE.open(
                checked(enc, "enc"),
                recipient,
                checked(info, "info"),
                checked(aad, "aad"),
                checked(ciphertext, "ciphertext"));
    }

    private static byte[] checked(byte[] bytes, String what) {
        return Objects.requireNonNull(bytes, what);
    }

    /**
     * A sealed challenge: {@link #enc()} and {@link #ciphertext()} go to the key holder; the challenge itself stays
     * with the verifier, who checks the answer with {@link #isAnsweredBy}. {@link #toString()} is redacted.
     */
    public static final class Sealed {
        private final byte[] challenge;
        private final byte[] enc;
        private final byte[] ciphertext;

        private Sealed(byte[] challenge, byte[] enc, byte[] ciphertext) {
            this.challenge = challenge;
            this.enc = enc;
            this.ciphertext = ciphertext;
        }

        /** The HPKE encapsulated key (32 bytes, public). */
        public byte[] enc() {
            return enc.clone();
        }

        /** The HPKE ciphertext of the challenge with its tag (48 bytes, public). */
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        /** Whether {@code answer} is the challenge (constant-time comparison; null or another length is false). */
        public boolean isAnsweredBy(byte[] answer) {
            return answer != null && MessageDigest.isEqual(challenge, answer);
        }

        /**
         * A copy of the challenge, only for a verifier that keeps pending challenges outside this object (e.g. in a
         * store shared by instances). It is the expected answer: never send it to the key holder, never log it.
         */
        public byte[] exposeExpectedAnswerForVerifierStorage() {
            return challenge.clone();
        }

        @Override
        public String toString() {
            return "HpkeChallenge.Sealed[challenge=<redacted>, enc=" + enc.length + " bytes, ciphertext="
                    + ciphertext.length + " bytes]";
        }
    }
}
