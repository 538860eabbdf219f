package dev.ctx.envelope.testing;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.key.X25519KeyPair;

/** A recipient with a freshly generated key pair, for tests. */
public record Party(String id, int keyVersion, X25519KeyPair keys) {

    public static Party generate(String id, int keyVersion) {
        return new Party(id, keyVersion, X25519KeyPair.generate());
    }

    public Recipient recipient() {
        return new Recipient(id, keyVersion, keys.publicKey());
    }

    public RecipientPrivateKey privateKey() {
        return RecipientPrivateKey.of(id, keyVersion, keys.privateKey());
    }

    /** This party's private key labelled as someone else's, to get past the addressing check. */
    public RecipientPrivateKey privateKeyLabelledAs(String otherId, int otherVersion) {
        return RecipientPrivateKey.of(otherId, otherVersion, keys.privateKey());
    }
}
