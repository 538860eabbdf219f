package dev.ctx.schemas.commands;

/** What an {@link EnvelopeCommand} asks; the code is the layout's kind byte. */
public enum EnvelopeCommandKind {
    /** Drop one participant's wrap from the envelope (next generation) and keep it out of every later generation. */
    REVOKE_ACCESS(0x01),
    /** Tombstone the envelope (crypto-shredding) and never write a generation of that transaction again. */
    SHRED(0x02);

    private final int code;

    EnvelopeCommandKind(int code) {
        this.code = code;
    }

    /** The kind byte of the layout. */
    public int code() {
        return code;
    }

    /** The kind of a kind byte. */
    public static EnvelopeCommandKind ofCode(int code) {
        for (EnvelopeCommandKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new EnvelopeCommandFormatException("unknown command kind 0x" + Integer.toHexString(code));
    }
}
