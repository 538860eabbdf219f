package dev.ctx.envelope.format;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * The public ciphertext part of a sealed transaction. Layouts (see {@code docs/envelope-format.md}):
 * <pre>
 * v1 = 0x01 || nonce (12) || AES-256-GCM ciphertext || tag (16)
 * v2 = 0x02 || sealId (16) || nonce (12) || AES-256-GCM ciphertext || tag (16)
 * </pre>
 * Immutable and thread-safe; accessors return copies.
 */
public final class CiphertextPart {

    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    /** GCM tag length in bytes. */
    public static final int TAG_LENGTH = 16;

    private static final String LAYOUT = "ciphertext part";

    private final FormatVersion version;
    private final SealId sealId;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private CiphertextPart(FormatVersion version, SealId sealId, byte[] nonce, byte[] ciphertext) {
        this.version = version;
        this.sealId = sealId;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    /**
     * Creates a part from its components (copied); {@code ciphertext} includes the tag.
     *
     * @param sealId required for versions that {@linkplain FormatVersion#hasSealId() carry one}, else null
     */
    public static CiphertextPart of(FormatVersion version, SealId sealId, byte[] nonce, byte[] ciphertext) {
        Objects.requireNonNull(version, "version");
        if (nonce == null || nonce.length != NONCE_LENGTH || ciphertext == null || ciphertext.length < TAG_LENGTH) {
            throw new InvalidInputException(LAYOUT + ": nonce must be " + NONCE_LENGTH
                    + " bytes and ciphertext at least " + TAG_LENGTH + " bytes");
        }
        if (version.hasSealId() != (sealId != null)) {
            throw new InvalidInputException(
                    LAYOUT + " v" + version.id() + (version.hasSealId() ? " requires a seal id" : " has no seal id"));
        }
        return new CiphertextPart(version, sealId, nonce.clone(), ciphertext.clone());
    }

    /**
     * Parses the versioned layout.
     *
     * @throws EnvelopeFormatException on an unknown version byte or a truncated layout
     */
    public static CiphertextPart parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EnvelopeFormatException(LAYOUT + ": empty");
        }
        FormatVersion version = FormatVersion.fromByte(bytes[0], LAYOUT);
        int sealIdLength = version.hasSealId() ? SealId.LENGTH : 0;
        int header = 1 + sealIdLength;
        int minimum = header + NONCE_LENGTH + TAG_LENGTH;
        if (bytes.length < minimum) {
            throw new EnvelopeFormatException(LAYOUT + " v" + version.id() + ": truncated, " + bytes.length
                    + " bytes, at least " + minimum + " required");
        }
        SealId sealId = version.hasSealId() ? SealId.of(Arrays.copyOfRange(bytes, 1, header)) : null;
        byte[] nonce = Arrays.copyOfRange(bytes, header, header + NONCE_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(bytes, header + NONCE_LENGTH, bytes.length);
        return new CiphertextPart(version, sealId, nonce, ciphertext);
    }

    /** Serializes the versioned layout. */
    public byte[] toBytes() {
        int header = 1 + (sealId != null ? SealId.LENGTH : 0);
        byte[] out = new byte[header + NONCE_LENGTH + ciphertext.length];
        out[0] = version.id();
        if (sealId != null) {
            System.arraycopy(sealId.view(), 0, out, 1, SealId.LENGTH);
        }
        System.arraycopy(nonce, 0, out, header, NONCE_LENGTH);
        System.arraycopy(ciphertext, 0, out, header + NONCE_LENGTH, ciphertext.length);
        return out;
    }

    public FormatVersion version() {
        return version;
    }

    /** The seal id (v2 and later); empty for v1. */
    public Optional<SealId> sealId() {
        return Optional.ofNullable(sealId);
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    /** AES-GCM ciphertext followed by the tag. */
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "CiphertextPart[v" + version.id() + (sealId != null ? ", sealId=" + sealId : "") + ", "
                + ciphertext.length + " bytes]";
    }
}
