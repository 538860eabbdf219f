package dev.ctx.envelope;

import java.util.Objects;

import javax.security.auth.Destroyable;

import dev.ctx.envelope.error.RecipientMismatchException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.Recipients;
import dev.ctx.envelope.key.X25519PrivateKey;

/**
 * A private key handle labelled with the recipient id and key version it belongs to, so that opening a wrap addressed
 * to someone else is a {@link RecipientMismatchException}, not a confusing authentication failure. Thread-safe;
 * destroying it destroys the underlying key. {@link #toString()} is redacted.
 */
public final class RecipientPrivateKey implements Destroyable {

    private final String recipientId;
    private final int keyVersion;
    private final X25519PrivateKey privateKey;

    private RecipientPrivateKey(String recipientId, int keyVersion, X25519PrivateKey privateKey) {
        this.recipientId = Recipients.checkId(recipientId);
        this.keyVersion = Recipients.checkKeyVersion(keyVersion);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Labels {@code privateKey} (not copied: destroying either destroys both). */
    public static RecipientPrivateKey of(String recipientId, int keyVersion, X25519PrivateKey privateKey) {
        return new RecipientPrivateKey(recipientId, keyVersion, privateKey);
    }

    public String recipientId() {
        return recipientId;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public X25519PrivateKey privateKey() {
        return privateKey;
    }

    /** The public half, as a {@link Recipient}. */
    public Recipient asRecipient() {
        return new Recipient(recipientId, keyVersion, privateKey.publicKey());
    }

    void requireAddressedBy(DekWrap wrap, String transactionId) {
        if (!recipientId.equals(wrap.recipientId()) || keyVersion != wrap.keyVersion()) {
            throw new RecipientMismatchException("transaction " + transactionId + ": the wrap is for recipient "
                    + wrap.recipientId() + " key version " + wrap.keyVersion() + ", the key is recipient "
                    + recipientId + " key version " + keyVersion);
        }
    }

    @Override
    public void destroy() {
        privateKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return privateKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "RecipientPrivateKey[recipient=" + recipientId + ", keyVersion=" + keyVersion + ", key=<redacted>]";
    }
}
