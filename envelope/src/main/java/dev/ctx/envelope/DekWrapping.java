package dev.ctx.envelope;

import java.util.Objects;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.ContextEncoding;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SealId;
import dev.ctx.envelope.internal.hpke.Hpke;
import dev.ctx.envelope.internal.hpke.HpkeSuite;
import dev.ctx.envelope.key.X25519KeyPair;

/**
 * Wraps and unwraps DEKs with HPKE, info and AAD taken from the {@link TransactionContext} at the wrap's own format
 * version and seal id (never the current version), so older layouts keep opening.
 */
final class DekWrapping {

    private static final Hpke HPKE = Hpke.of(HpkeSuite.X25519_SHA256_AES256GCM);

    private DekWrapping() {}

    /** Wraps {@code dek} for {@code recipient} at {@code version}; {@code aad} is the context's AAD of that seal. */
    static DekWrap wrap(
            Dek dek,
            X25519KeyPair ephemeral,
            Recipient recipient,
            TransactionContext context,
            FormatVersion version,
            SealId sealId,
            byte[] aad) {
        byte[] info = context.wrapInfo(version, sealId, recipient.recipientId(), recipient.keyVersion());
        Hpke.SealedMessage sealed = dek.exposeKeyBytesForWrapping(
                key -> HPKE.sealWithEphemeral(ephemeral, recipient.publicKey(), info, aad, key));
        return DekWrap.of(
                recipient.recipientId(), recipient.keyVersion(), version, sealId, sealed.enc(), sealed.ciphertext());
    }

    /**
     * Opens {@code wrap} with the AAD and info of its own version and seal id; the caller destroys the DEK. An epoch
     * wrap is opened through {@code epochContexts} (or, if null, a context set up for this wrap only).
     */
    static Dek unwrap(
            DekWrap wrap, RecipientPrivateKey key, TransactionContext context, EpochContextCache epochContexts) {
        key.requireAddressedBy(wrap, context.transactionId());
        SealId sealId = wrap.sealId().orElse(null);
        try {
            byte[] dek;
            if (wrap.isEpoch()) {
                byte[] wrapAad = ContextEncoding.epochWrapAad(
                        wrap.recipientId(), wrap.keyVersion(), context.aad(wrap.version(), sealId));
                EpochContextCache cache = epochContexts != null ? epochContexts : EpochContextCache.withCapacity(1);
                try {
                    dek = cache.open(wrap, key, wrapAad);
                } finally {
                    if (epochContexts == null) {
                        cache.clear();
                    }
                }
            } else {
                byte[] info = context.wrapInfo(wrap.version(), sealId, wrap.recipientId(), wrap.keyVersion());
                dek = HPKE.open(
                        wrap.enc(), key.privateKey(), info, context.aad(wrap.version(), sealId), wrap.sealedDek());
            }
            return Dek.forDecryption(dek);
        } catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException(
                    "DEK wrap for recipient " + wrap.recipientId() + " key version "
                            + wrap.keyVersion() + " of transaction " + context.transactionId()
                            + " failed authentication (wrong key, or tampered wrap, enc or context)",
                    e);
        }
    }

    /**
     * Throws {@link SealIdMismatchException} unless {@code wrap} belongs to the same seal as {@code ciphertext}: same
     * format version and (from v2) the same seal id.
     */
    static void requireSameSeal(CiphertextPart ciphertext, DekWrap wrap, String transactionId) {
        if (ciphertext.version() != wrap.version()) {
            throw new SealIdMismatchException("transaction " + transactionId + ": ciphertext is format v"
                    + ciphertext.version().id() + " but the DEK wrap for recipient " + wrap.recipientId()
                    + " is v" + wrap.version().id());
        }
        if (!Objects.equals(ciphertext.sealId(), wrap.sealId())) {
            throw new SealIdMismatchException("transaction " + transactionId + ": the DEK wrap for recipient "
                    + wrap.recipientId() + " key version " + wrap.keyVersion() + " belongs to seal "
                    + wrap.sealId().map(SealId::toString).orElse("-") + ", the ciphertext to seal "
                    + ciphertext.sealId().map(SealId::toString).orElse("-"));
        }
    }
}
