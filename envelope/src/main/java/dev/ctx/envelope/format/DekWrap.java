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
 * epoch (of a v2 seal) = 0x03 || sealId (16) || epochId (16) || enc (32) || u64 sequence || HPKE ciphertext || tag
 *                                                                                          121 bytes
 * </pre>
 * An epoch wrap is sealed with the multi-shot context of its epoch and recipient key at {@link #sequence()}; its
 * {@link #version()} is that of the seal it belongs to ({@link FormatVersion#V2}).
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
    /** First byte of the epoch wrap layout (wraps of a v2 seal sealed with an epoch context). */
    public static final byte EPOCH_LAYOUT = 0x03;
    /** Total length of the epoch wrap layout. */
    public static final int EPOCH_LENGTH = V2_LENGTH + EpochId.LENGTH + Long.BYTES;

    private final String recipientId;
    private final int keyVersion;
    private final FormatVersion version;
    private final SealId sealId;
    private final byte[] enc;
    private final byte[] sealedDek;
    private final EpochId epochId;
    private final long sequence;

    private DekWrap(
            String recipientId, int keyVersion, FormatVersion version, SealId sealId, byte[] enc, byte[] sealedDek) {
        this(recipientId, keyVersion, version, sealId, enc, sealedDek, null, 0);
    }

    private DekWrap(
            String recipientId,
            int keyVersion,
            FormatVersion version,
            SealId sealId,
            byte[] enc,
            byte[] sealedDek,
            EpochId epochId,
            long sequence) {
        this.recipientId = Recipients.checkId(recipientId);
        this.keyVersion = Recipients.checkKeyVersion(keyVersion);
        this.version = Objects.requireNonNull(version, "version");
        this.sealId = sealId;
        this.enc = enc;
        this.sealedDek = sealedDek;
        this.epochId = epochId;
        this.sequence = sequence;
    }

    /**
     * Creates an epoch wrap (of a v2 seal) from its components (copied).
     *
     * @param sequence the HPKE sequence number the DEK was sealed at (&ge; 0)
     */
    public static DekWrap ofEpoch(
            String recipientId,
            int keyVersion,
            SealId sealId,
            EpochId epochId,
            byte[] enc,
            long sequence,
            byte[] sealedDek) {
        Objects.requireNonNull(sealId, "sealId");
        Objects.requireNonNull(epochId, "epochId");
        checkLengths(enc, sealedDek);
        if (sequence < 0) {
            throw new InvalidInputException("epoch wrap: negative sequence number");
        }
        return new DekWrap(
                recipientId, keyVersion, FormatVersion.V2, sealId, enc.clone(), sealedDek.clone(), epochId, sequence);
    }

    private static void checkLengths(byte[] enc, byte[] sealedDek) {
        if (enc == null || enc.length != ENC_LENGTH || sealedDek == null || sealedDek.length != SEALED_DEK_LENGTH) {
            throw new InvalidInputException(
                    "DEK wrap: enc must be " + ENC_LENGTH + " bytes and sealed DEK " + SEALED_DEK_LENGTH + " bytes");
        }
    }

    /**
     * Creates a wrap from its components (copied).
     *
     * @param sealId required for versions that {@linkplain FormatVersion#hasSealId() carry one}, else null
     */
    public static DekWrap of(
            String recipientId, int keyVersion, FormatVersion version, SealId sealId, byte[] enc, byte[] sealedDek) {
        Objects.requireNonNull(version, "version");
        if (enc == null || enc.length != ENC_LENGTH || sealedDek == null || sealedDek.length != SEALED_DEK_LENGTH) {
            throw new InvalidInputException(
                    "DEK wrap: enc must be " + ENC_LENGTH + " bytes and sealed DEK " + SEALED_DEK_LENGTH + " bytes");
        }
        if (version.hasSealId() != (sealId != null)) {
            throw new InvalidInputException(
                    "DEK wrap v" + version.id() + (version.hasSealId() ? " requires a seal id" : " has no seal id"));
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
        if (bytes[0] == EPOCH_LAYOUT) {
            return parseEpoch(recipientId, keyVersion, bytes, layout);
        }
        FormatVersion version = FormatVersion.fromByte(bytes[0], layout);
        int expected = length(version);
        if (bytes.length != expected) {
            throw new EnvelopeFormatException(
                    layout + " v" + version.id() + ": " + bytes.length + " bytes, expected " + expected);
        }
        int header = expected - ENC_LENGTH - SEALED_DEK_LENGTH;
        SealId sealId = version.hasSealId() ? SealId.of(Arrays.copyOfRange(bytes, 1, header)) : null;
        return new DekWrap(
                recipientId,
                keyVersion,
                version,
                sealId,
                Arrays.copyOfRange(bytes, header, header + ENC_LENGTH),
                Arrays.copyOfRange(bytes, header + ENC_LENGTH, expected));
    }

    private static DekWrap parseEpoch(String recipientId, int keyVersion, byte[] bytes, String layout) {
        if (bytes.length != EPOCH_LENGTH) {
            throw new EnvelopeFormatException(
                    layout + " (epoch): " + bytes.length + " bytes, expected " + EPOCH_LENGTH);
        }
        int offset = 1;
        SealId sealId = SealId.of(Arrays.copyOfRange(bytes, offset, offset += SealId.LENGTH));
        EpochId epochId = EpochId.of(Arrays.copyOfRange(bytes, offset, offset += EpochId.LENGTH));
        byte[] enc = Arrays.copyOfRange(bytes, offset, offset += ENC_LENGTH);
        long sequence = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            sequence = (sequence << 8) | (bytes[offset++] & 0xFF);
        }
        if (sequence < 0) {
            throw new EnvelopeFormatException(layout + " (epoch): sequence number out of range");
        }
        return new DekWrap(
                recipientId,
                keyVersion,
                FormatVersion.V2,
                sealId,
                enc,
                Arrays.copyOfRange(bytes, offset, EPOCH_LENGTH),
                epochId,
                sequence);
    }

    private byte[] epochBytes() {
        byte[] out = new byte[EPOCH_LENGTH];
        out[0] = EPOCH_LAYOUT;
        int offset = 1;
        System.arraycopy(sealId.view(), 0, out, offset, SealId.LENGTH);
        offset += SealId.LENGTH;
        System.arraycopy(epochId.view(), 0, out, offset, EpochId.LENGTH);
        offset += EpochId.LENGTH;
        System.arraycopy(enc, 0, out, offset, ENC_LENGTH);
        offset += ENC_LENGTH;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            out[offset++] = (byte) (sequence >>> (8 * i));
        }
        System.arraycopy(sealedDek, 0, out, offset, SEALED_DEK_LENGTH);
        return out;
    }

    private static int length(FormatVersion version) {
        return version.hasSealId() ? V2_LENGTH : V1_LENGTH;
    }

    /** Serializes the versioned layout (without recipient id and key version). */
    public byte[] toBytes() {
        if (epochId != null) {
            return epochBytes();
        }
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

    /** Whether this is an epoch wrap (layout {@code 0x03}). */
    public boolean isEpoch() {
        return epochId != null;
    }

    /** The epoch id of an epoch wrap; empty for a per-transaction wrap. */
    public Optional<EpochId> epochId() {
        return Optional.ofNullable(epochId);
    }

    /** The HPKE sequence number of an epoch wrap; 0 for a per-transaction wrap (single-shot). */
    public long sequence() {
        return sequence;
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
                + (sealId != null ? ", sealId=" + sealId : "")
                + (epochId != null ? ", epoch=" + epochId + ", seq=" + sequence : "") + "]";
    }
}
