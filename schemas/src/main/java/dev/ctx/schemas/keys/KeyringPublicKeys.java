package dev.ctx.schemas.keys;

import java.nio.ByteBuffer;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.key.X25519PublicKey;

/**
 * The one decoder of the public keys a {@link ParticipantKeyring} carries, for the processor, the key service and any
 * consumer. Stateless.
 */
public final class KeyringPublicKeys {

    /** The {@link PublicKeyVersion#getAlgorithm()} of every key the key service issues. */
    public static final String X25519 = "X25519";

    private KeyringPublicKeys() {}

    /** A copy of the key's encoded bytes, whatever its algorithm and length; the record's buffer is not moved. */
    public static byte[] rawBytes(PublicKeyVersion key) {
        ByteBuffer buffer = key.getPublicKey().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * The key's bytes as an X25519 public key (the algorithm field is not checked here).
     *
     * @throws InvalidInputException if the bytes are not 32 long
     */
    public static X25519PublicKey x25519(PublicKeyVersion key) {
        return X25519PublicKey.of(rawBytes(key));
    }

    /** The encoding a {@link PublicKeyVersion} carries for {@code key}. */
    public static ByteBuffer encoded(X25519PublicKey key) {
        return ByteBuffer.wrap(key.bytes());
    }
}
