package dev.ctx.envelope.format;

import java.util.Arrays;
import java.util.Objects;

import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * One recipient's HPKE wrap of a transaction's DEK. The recipient id and key version travel beside the layout (in the
 * {@code RecipientWrap} Avro record); {@link #toBytes()} is the versioned layout v1:
 * {@code version (1 byte) || enc (32 bytes) || HPKE ciphertext of the 32-byte DEK || tag (16 bytes)}, 81 bytes.
 * Immutable and thread-safe; accessors return copies.
 */
public final class DekWrap {

    /** Length of the HPKE encapsulated key {@code enc}. */
    public static final int ENC_LENGTH = 32;
    /** Length of the sealed DEK (32-byte DEK + 16-byte tag). */
    public static final int SEALED_DEK_LENGTH = 48;
    /** Total length of layout v1. */
    public static final int V1_LENGTH = 1 + ENC_LENGTH + SEALED_DEK_LENGTH;

    private final String recipientId;
    private final int keyVersion;
    private final FormatVersion version;
    private final byte[] enc;
    private final byte[] sealedDek;

    private DekWrap(String recipientId, int keyVersion, FormatVersion version, byte[] enc, byte[] sealedDek) {
        this.recipientId = Recipients.checkId(recipientId);
        this.keyVersion = Recipients.checkKeyVersion(keyVersion);
        this.version = Objects.requireNonNull(version, "version");
        this.enc = enc;
        this.sealedDek = sealedDek;
    }

    /** Creates a wrap from its components (copied). */
    public static DekWrap of(String recipientId, int keyVersion, FormatVersion version, byte[] enc, byte[] sealedDek) {
        if (enc == null || enc.length != ENC_LENGTH || sealedDek == null || sealedDek.length != SEALED_DEK_LENGTH) {
            throw new InvalidInputException("DEK wrap: enc must be " + ENC_LENGTH + " bytes and sealed DEK "
                    + SEALED_DEK_LENGTH + " bytes");
        }
        return new DekWrap(recipientId, keyVersion, version, enc.clone(), sealedDek.clone());
    }

    /**
     * Parses the versioned layout of the wrap for {@code recipientId} at {@code keyVersion}.
     *
     * @throws EnvelopeFormatException on an unknown version byte or a wrong length
     */
    public static DekWrap parse(String recipientId, int keyVersion, byte[] bytes) {
        String layout = "DEK wrap for recipient " + recipientId + " key version " + keyVersion;
        if (bytes == null || bytes.length == 0) {
            throw new EnvelopeFormatException(layout + ": empty");
        }
        FormatVersion version = FormatVersion.fromByte(bytes[0], layout);
        if (bytes.length != V1_LENGTH) {
            throw new EnvelopeFormatException(layout + " v" + version.id() + ": " + bytes.length + " bytes, expected "
                    + V1_LENGTH);
        }
        return new DekWrap(recipientId, keyVersion, version, Arrays.copyOfRange(bytes, 1, 1 + ENC_LENGTH),
                Arrays.copyOfRange(bytes, 1 + ENC_LENGTH, V1_LENGTH));
    }

    /** Serializes the versioned layout (without recipient id and key version). */
    public byte[] toBytes() {
        byte[] out = new byte[V1_LENGTH];
        out[0] = version.id();
        System.arraycopy(enc, 0, out, 1, ENC_LENGTH);
        System.arraycopy(sealedDek, 0, out, 1 + ENC_LENGTH, SEALED_DEK_LENGTH);
        return out;
    }

    public String recipientId() {
        return recipientId;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public FormatVersion version() {
        return version;
    }

    /** HPKE encapsulated key (public). */
    public byte[] enc() {
        return enc.clone();
    }

    /** HPKE ciphertext of the DEK, with tag. */
    public byte[] sealedDek() {
        return sealedDek.clone();
    }

    @Override
    public String toString() {
        return "DekWrap[recipient=" + recipientId + ", keyVersion=" + keyVersion + ", v" + version.id() + "]";
    }
}
