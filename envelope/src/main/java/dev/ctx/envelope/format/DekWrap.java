package dev.ctx.envelope.format;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * One recipient's HPKE wrap of a transaction's DEK. The recipient id and key version travel beside the layout (in the
 * {@code RecipientWrap} Avro record); {@link #toBytes()} is the versioned layout (see {@code docs/envelope-format.md}):
 * <pre>
 * v1 = 0x01 || enc (32) || HPKE ciphertext of the 32-byte DEK || tag (16)                  81 bytes
 * v2 = 0x02 || sealId (16) || enc (32) || HPKE ciphertext of the 32-byte DEK || tag (16)   97 bytes
 * </pre>
 * Immutable and thread-safe; accessors return copies.
 */
public final class DekWrap {

    /** Length of the HPKE encapsulated key {@code enc}. */
    public static final int ENC_LENGTH = 32;
    /** Length of the sealed DEK (32-byte DEK + 16-byte tag). */
    public static final int SEALED_DEK_LENGTH = 48;
    /** Total length of layout v1. */
    public static final int V1_LENGTH = 1 + ENC_LENGTH + SEALED_DEK_LENGTH;
    /** Total length of layout v2. */
    public static final int V2_LENGTH = V1_LENGTH + SealId.LENGTH;

    private final String recipientId;
    private final int keyVersion;
    private final FormatVersion version;
    private final SealId sealId;
    private final byte[] enc;
    private final byte[] sealedDek;

    private DekWrap(String recipientId, int keyVersion, FormatVersion version, SealId sealId, byte[] enc,
            byte[] sealedDek) {
        this.recipientId = Recipients.checkId(recipientId);
        this.keyVersion = Recipients.checkKeyVersion(keyVersion);
        this.version = Objects.requireNonNull(version, "version");
        this.sealId = sealId;
        this.enc = enc;
        this.sealedDek = sealedDek;
    }

    /**
     * Creates a wrap from its components (copied).
     *
     * @param sealId required for versions that {@linkplain FormatVersion#hasSealId() carry one}, else null
     */
    public static DekWrap of(String recipientId, int keyVersion, FormatVersion version, SealId sealId, byte[] enc,
            byte[] sealedDek) {
        Objects.requireNonNull(version, "version");
        if (enc == null || enc.length != ENC_LENGTH || sealedDek == null || sealedDek.length != SEALED_DEK_LENGTH) {
            throw new InvalidInputException("DEK wrap: enc must be " + ENC_LENGTH + " bytes and sealed DEK "
                    + SEALED_DEK_LENGTH + " bytes");
        }
        if (version.hasSealId() != (sealId != null)) {
            throw new InvalidInputException("DEK wrap v" + version.id()
                    + (version.hasSealId() ? " requires a seal id" : " has no seal id"));
        }
        return new DekWrap(recipientId, keyVersion, version, sealId, enc.clone(), sealedDek.clone());
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
        int expected = length(version);
        if (bytes.length != expected) {
            throw new EnvelopeFormatException(layout + " v" + version.id() + ": " + bytes.length + " bytes, expected "
                    + expected);
        }
        int header = expected - ENC_LENGTH - SEALED_DEK_LENGTH;
        SealId sealId = version.hasSealId() ? SealId.of(Arrays.copyOfRange(bytes, 1, header)) : null;
        return new DekWrap(recipientId, keyVersion, version, sealId,
                Arrays.copyOfRange(bytes, header, header + ENC_LENGTH),
                Arrays.copyOfRange(bytes, header + ENC_LENGTH, expected));
    }

    private static int length(FormatVersion version) {
        return version.hasSealId() ? V2_LENGTH : V1_LENGTH;
    }

    /** Serializes the versioned layout (without recipient id and key version). */
    public byte[] toBytes() {
        int length = length(version);
        int header = length - ENC_LENGTH - SEALED_DEK_LENGTH;
        byte[] out = new byte[length];
        out[0] = version.id();
        if (sealId != null) {
            System.arraycopy(sealId.view(), 0, out, 1, SealId.LENGTH);
        }
        System.arraycopy(enc, 0, out, header, ENC_LENGTH);
        System.arraycopy(sealedDek, 0, out, header + ENC_LENGTH, SEALED_DEK_LENGTH);
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

    /** The seal id (v2 and later); empty for v1. */
    public Optional<SealId> sealId() {
        return Optional.ofNullable(sealId);
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
        return "DekWrap[recipient=" + recipientId + ", keyVersion=" + keyVersion + ", v" + version.id()
                + (sealId != null ? ", sealId=" + sealId : "") + "]";
    }
}
