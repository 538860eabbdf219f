package dev.ctx.envelope;

import dev.ctx.envelope.dek.Dek;
import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.hpke.Hpke;
import dev.ctx.envelope.hpke.HpkeSuite;
import dev.ctx.envelope.key.X25519KeyPair;

/** Wraps and unwraps DEKs with HPKE, info and AAD taken from the {@link TransactionContext}. */
final class DekWrapping {

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    private DekWrapping() {
    }

    static DekWrap wrap(Dek dek, X25519KeyPair ephemeral, Recipient recipient, TransactionContext context) {
        byte[] info = context.wrapInfo(recipient.recipientId(), recipient.keyVersion());
        Hpke.SealedMessage sealed = dek.exposeKeyBytesForWrapping(
                key -> HPKE.sealWithEphemeral(ephemeral, recipient.publicKey(), info, context.aadView(), key));
        return DekWrap.of(recipient.recipientId(), recipient.keyVersion(), FormatVersion.CURRENT, sealed.enc(),
                sealed.ciphertext());
    }

    /** Opens {@code wrap}; the caller destroys the returned DEK. */
    static Dek unwrap(DekWrap wrap, RecipientPrivateKey key, TransactionContext context) {
        key.requireAddressedBy(wrap, context.transactionId());
        byte[] info = context.wrapInfo(wrap.recipientId(), wrap.keyVersion());
        try {
            byte[] dek = HPKE.open(wrap.enc(), key.privateKey(), info, context.aadView(), wrap.sealedDek());
            return Dek.takeOwnershipOf(dek, 0);
        } catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException("DEK wrap for recipient " + wrap.recipientId() + " key version "
                    + wrap.keyVersion() + " of transaction " + context.transactionId()
                    + " failed authentication (wrong key, or tampered wrap, enc or context)", e);
        }
    }
}
