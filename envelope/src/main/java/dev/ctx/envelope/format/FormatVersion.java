package dev.ctx.envelope.format;

import dev.ctx.envelope.error.EnvelopeFormatException;

/**
 * Version byte of every persisted layout and of the AAD/info encodings. A ciphertext or wrap is always opened with the
 * AAD and info of the version parsed from its own first byte, never with {@link #CURRENT}, so adding a version keeps
 * every older layout openable. See {@code docs/envelope-format.md}.
 */
public enum FormatVersion {

    /**
     * Version 1: AES-256-GCM payload, HPKE DHKEM(X25519, HKDF-SHA256)/HKDF-SHA256/AES-256-GCM wraps, schema fingerprint
     * over Avro's parsing canonical form (which drops logical types). Read only.
     */
    V1((byte) 1, false),
    /**
     * Version 2: as {@link #V1}, plus a random 16-byte seal id in both layouts, the AAD and the HPKE info, and a schema
     * fingerprint over a canonical form that keeps logical types, precision and scale ({@link SchemaFingerprint}).
     */
    V2((byte) 2, true);

    /** The version new envelopes are written with. */
    public static final FormatVersion CURRENT = V2;

    private final byte id;
    private final boolean hasSealId;

    FormatVersion(byte id, boolean hasSealId) {
        this.id = id;
        this.hasSealId = hasSealId;
    }

    /** The version byte as written in layouts. */
    public byte id() {
        return id;
    }

    /** Whether this version's layouts, AAD and info carry a {@link SealId}. */
    public boolean hasSealId() {
        return hasSealId;
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
