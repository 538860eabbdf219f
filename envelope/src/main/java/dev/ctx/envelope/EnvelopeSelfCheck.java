package dev.ctx.envelope;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.CryptoProviderException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519PrivateKey;

/**
 * Startup check of the crypto providers: a known-answer seal of the current format (X25519, HKDF-SHA256, AES-256-GCM
 * must reproduce fixed bytes; the only place besides tests where a key and nonce repeat on purpose), its open,
 * rejection of a flipped bit, and a random round trip. Call {@link #run()} before processing data; it throws
 * {@link CryptoProviderException} if anything misbehaves.
 */
public final class EnvelopeSelfCheck {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PLAINTEXT = HEX.parseHex("0a6374782073656c662d636865636b21");
    private static final String RECIPIENT_SK = "a8abababababababababababababababababababababababababababababab6b";
    private static final FixedSealRandomness FIXED = new FixedSealRandomness(
            HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
            HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafb"),
            HEX.parseHex("c8cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd4d"),
            HEX.parseHex("5e1d5e1d5e1d5e1d5e1d5e1d5e1d5e1d"));
    private static final String EXPECTED_CIPHERTEXT = "025e1d5e1d5e1d5e1d5e1d5e1d5e1d5e1d"
            + "f0f1f2f3f4f5f6f7f8f9fafb636537785c49b718f9da94f2eb290997b423b6aa7812607e63870aa5ee12675d";
    private static final String EXPECTED_WRAP = "025e1d5e1d5e1d5e1d5e1d5e1d5e1d5e1d"
            + "b5bea823d9c9ff576091c54b7c596c0ae296884f0e150290e88455d7fba6126f"
            + "8d9458fed4e5c73abd4cac80837004d063d48c0dccdeba5938b16c3ff8a2c80b229a3dc353a63e970aeec97b2c556524";

    private EnvelopeSelfCheck() {}

    /**
     * Runs every check.
     *
     * @throws CryptoProviderException naming the check that failed
     */
    public static void run() {
        TransactionContext context = TransactionContext.of("ctx-self-check", new byte[32], List.of("self-check"));
        RecipientPrivateKey key =
                RecipientPrivateKey.of("self-check", 1, X25519PrivateKey.takeCopyOf(HEX.parseHex(RECIPIENT_SK)));
        try {
            SealedTransaction known = EnvelopeSealer.insecureDeterministicForKnownAnswers(FIXED)
                    .sealSerialized(PLAINTEXT, context, List.of(key.asRecipient()));
            checkKnownAnswer(known);
            checkOpens(known, key, context);
            checkRejectsFlippedBit(known, key, context);
            checkOpens(
                    EnvelopeSealer.create().sealSerialized(PLAINTEXT, context, List.of(key.asRecipient())),
                    key,
                    context);
        } finally {
            key.destroy();
        }
    }

    private static void checkKnownAnswer(SealedTransaction sealed) {
        String ciphertext = HEX.formatHex(sealed.ciphertext().toBytes());
        String wrap = HEX.formatHex(sealed.wraps().get(0).toBytes());
        if (!EXPECTED_CIPHERTEXT.equals(ciphertext) || !EXPECTED_WRAP.equals(wrap)) {
            throw new CryptoProviderException("envelope self-check: known-answer seal produced different bytes "
                    + "(X25519, HKDF-SHA256 or AES-256-GCM provider misbehaves)");
        }
    }

    private static void checkOpens(SealedTransaction sealed, RecipientPrivateKey key, TransactionContext context) {
        byte[] opened;
        try {
            opened = EnvelopeOpener.create()
                    .openSerialized(sealed.ciphertext(), sealed.wraps().get(0), key, context);
        } catch (RuntimeException e) {
            throw new CryptoProviderException("envelope self-check: a fresh seal does not open", e);
        }
        if (!Arrays.equals(PLAINTEXT, opened)) {
            throw new CryptoProviderException("envelope self-check: open returned different bytes than were sealed");
        }
    }

    private static void checkRejectsFlippedBit(
            SealedTransaction sealed, RecipientPrivateKey key, TransactionContext context) {
        byte[] tampered = sealed.ciphertext().toBytes();
        tampered[tampered.length - 1] ^= 1;
        DekWrap wrap = sealed.wraps().get(0);
        try {
            EnvelopeOpener.create().openSerialized(CiphertextPart.parse(tampered), wrap, key, context);
        } catch (AuthenticationFailedException expected) {
            return;
        }
        throw new CryptoProviderException("envelope self-check: a tampered ciphertext opened");
    }
}
