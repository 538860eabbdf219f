package dev.ctx.envelope.format;

import dev.ctx.envelope.error.EnvelopeFormatException;

/** Version byte of every persisted layout and of the AAD/info encodings. */
public enum FormatVersion {

    /** Version 1: AES-256-GCM payload, HPKE DHKEM(X25519, HKDF-SHA256)/HKDF-SHA256/AES-256-GCM wraps. */
    V1((byte) 1);

    /** The version new envelopes are written with. */
    public static final FormatVersion CURRENT = V1;

    private final byte id;

    FormatVersion(byte id) {
        this.id = id;
    }

    /** The version byte as written in layouts. */
    public byte id() {
        return id;
    }

    /**
     * Resolves a version byte read from {@code layout}.
     *
     * @throws EnvelopeFormatException if the byte names no known version
     */
    public static FormatVersion fromByte(byte id, String layout) {
        for (FormatVersion version : values()) {
            if (version.id == id) {
                return version;
            }
        }
        throw new EnvelopeFormatException(layout + ": unknown format version byte " + Byte.toUnsignedInt(id));
    }
}
