package dev.ctx.envelope.internal.hpke;

import java.util.Arrays;
import java.util.Objects;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.DestroyedKeyException;
import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * RFC 9180 HPKE in base mode for one {@link HpkeSuite}. Stateless and thread-safe.
 *
 * <p>Security guarantees: confidentiality and integrity of the plaintext and integrity of {@code aad} and
 * {@code info} against anyone without the recipient's private key. Base mode does not authenticate the sender.
 */
public final class Hpke {

    private static final byte[] DKP_PRK = Labeled.ascii("dkp_prk");
    private static final byte[] SK = Labeled.ascii("sk");
    private static final int ENC_LENGTH = X25519PublicKey.LENGTH;

    private final HpkeSuite suite;

    private Hpke(HpkeSuite suite) {
        this.suite = suite;
    }

    public static Hpke of(HpkeSuite suite) {
        return new Hpke(Objects.requireNonNull(suite, "suite"));
    }

    public HpkeSuite suite() {
        return suite;
    }

    /** Single-shot seal with a fresh ephemeral key (RFC 9180 §6.1). */
    public SealedMessage seal(X25519PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext) {
        X25519KeyPair ephemeral = X25519KeyPair.generate();
        try {
            return sealWithEphemeral(ephemeral, recipient, info, aad, plaintext);
        } finally {
            ephemeral.destroy();
        }
    }

    /**
     * Single-shot seal with a caller-chosen ephemeral key. Each result is standard HPKE for its recipient; reusing one
     * ephemeral across recipients of the same message is safe (the KEM context binds {@code pkR}), reusing it for
     * different messages to the same recipient and info is not.
     */
    public SealedMessage sealWithEphemeral(
            X25519KeyPair ephemeral, X25519PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext) {
        HpkeContext context = setupBaseS(ephemeral, recipient, info);
        try {
            return new SealedMessage(context.enc(), context.seal(aad, plaintext));
        } finally {
            context.destroy();
        }
    }

    /**
     * Single-shot open (RFC 9180 §6.1).
     *
     * @throws AuthenticationFailedException on a wrong key, a tampered {@code enc}, ciphertext, {@code info} or
     *         {@code aad}, or a low-order {@code enc}
     * @throws EnvelopeFormatException if {@code enc} is not 32 bytes
     */
    public byte[] open(byte[] enc, X25519PrivateKey recipient, byte[] info, byte[] aad, byte[] ciphertext) {
        HpkeContext context = setupBaseR(enc, recipient, info);
        try {
            return context.open(aad, ciphertext);
        } finally {
            context.destroy();
        }
    }

    /** RFC 9180 §5.1.1 {@code SetupBaseS} with a caller-chosen ephemeral key. */
    public HpkeContext setupBaseS(X25519KeyPair ephemeral, X25519PublicKey recipient, byte[] info) {
        byte[] enc = ephemeral.publicKey().bytes();
        byte[] pkRm = recipient.bytes();
        byte[] dh = new byte[X25519PublicKey.LENGTH];
        ephemeral.privateKey().agreeWith(pkRm, 0, dh, 0);
        return schedule(dh, enc, pkRm, info);
    }

    /** RFC 9180 §5.1.1 {@code SetupBaseR}. */
    public HpkeContext setupBaseR(byte[] enc, X25519PrivateKey recipient, byte[] info) {
        if (enc == null || enc.length != ENC_LENGTH) {
            throw new EnvelopeFormatException("HPKE enc must be " + ENC_LENGTH + " bytes");
        }
        byte[] dh = new byte[X25519PublicKey.LENGTH];
        try {
            recipient.agreeWith(enc, 0, dh, 0);
        } catch (DestroyedKeyException destroyed) {
            throw destroyed;
        } catch (InvalidInputException lowOrder) {
            throw new AuthenticationFailedException("HPKE open: enc is a low-order point (all-zero DH output)");
        }
        return schedule(dh, enc.clone(), recipient.publicKey().bytes(), info);
    }

    private HpkeContext schedule(byte[] dh, byte[] enc, byte[] pkRm, byte[] info) {
        byte[] kemContext = new byte[2 * ENC_LENGTH];
        System.arraycopy(enc, 0, kemContext, 0, ENC_LENGTH);
        System.arraycopy(pkRm, 0, kemContext, ENC_LENGTH, ENC_LENGTH);
        byte[] sharedSecret = KeySchedule.sharedSecret(dh, kemContext);
        Arrays.fill(dh, (byte) 0);
        try {
            return KeySchedule.derive(suite, sharedSecret, info, enc);
        } finally {
            Arrays.fill(sharedSecret, (byte) 0);
        }
    }

    /** RFC 9180 §7.1.3 {@code DeriveKeyPair(ikm)} for X25519 (deterministic; for tests and known answers). */
    public static X25519KeyPair deriveKeyPair(byte[] ikm) {
        byte[] dkpPrk = Labeled.extract(new byte[0], Labeled.KEM_SUITE_ID, DKP_PRK, ikm);
        byte[] scalar = Labeled.expand(dkpPrk, Labeled.KEM_SUITE_ID, SK, new byte[0], X25519PrivateKey.LENGTH);
        Arrays.fill(dkpPrk, (byte) 0);
        return X25519KeyPair.of(X25519PrivateKey.takeOwnershipOf(scalar));
    }

    /** {@code enc} and ciphertext (with tag) of a single-shot seal; both public. */
    public static final class SealedMessage {

        private final byte[] enc;
        private final byte[] ciphertext;

        public SealedMessage(byte[] enc, byte[] ciphertext) {
            this.enc = enc;
            this.ciphertext = ciphertext;
        }

        public byte[] enc() {
            return enc;
        }

        public byte[] ciphertext() {
            return ciphertext;
        }
    }
}
