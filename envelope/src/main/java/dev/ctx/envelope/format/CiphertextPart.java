package dev.ctx.envelope.format;

import java.util.Arrays;

import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.error.InvalidInputException;

/**
 * The public ciphertext part of a sealed transaction. Layout v1:
 * {@code version (1 byte) || nonce (12 bytes) || AES-256-GCM ciphertext || tag (16 bytes)}.
 * Immutable and thread-safe; accessors return copies.
 */
public final class CiphertextPart {

    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    /** GCM tag length in bytes. */
    public static final int TAG_LENGTH = 16;
    private static final String LAYOUT = "ciphertext part";

    private final FormatVersion version;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private CiphertextPart(FormatVersion version, byte[] nonce, byte[] ciphertext) {
        this.version = version;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    /** Creates a part from its components (copied); {@code ciphertext} includes the tag. */
    public static CiphertextPart of(FormatVersion version, byte[] nonce, byte[] ciphertext) {
        if (nonce == null || nonce.length != NONCE_LENGTH || ciphertext == null || ciphertext.length < TAG_LENGTH) {
            throw new InvalidInputException(LAYOUT + ": nonce must be " + NONCE_LENGTH
                    + " bytes and ciphertext at least " + TAG_LENGTH + " bytes");
        }
        return new CiphertextPart(version, nonce.clone(), ciphertext.clone());
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
        int minimum = 1 + NONCE_LENGTH + TAG_LENGTH;
        if (bytes.length < minimum) {
            throw new EnvelopeFormatException(LAYOUT + " v" + version.id() + ": truncated, " + bytes.length
                    + " bytes, at least " + minimum + " required");
        }
        byte[] nonce = Arrays.copyOfRange(bytes, 1, 1 + NONCE_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(bytes, 1 + NONCE_LENGTH, bytes.length);
        return new CiphertextPart(version, nonce, ciphertext);
    }

    /** Serializes the versioned layout. */
    public byte[] toBytes() {
        byte[] out = new byte[1 + NONCE_LENGTH + ciphertext.length];
        out[0] = version.id();
        System.arraycopy(nonce, 0, out, 1, NONCE_LENGTH);
        System.arraycopy(ciphertext, 0, out, 1 + NONCE_LENGTH, ciphertext.length);
        return out;
    }

    public FormatVersion version() {
        return version;
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
        return "CiphertextPart[v" + version.id() + ", " + ciphertext.length + " bytes]";
    }
}
