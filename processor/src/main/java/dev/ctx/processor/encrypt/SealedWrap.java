package dev.ctx.processor.encrypt;

import java.util.Objects;

import dev.ctx.processor.keys.ResolvedRecipient;

/** The DEK wrapped (HPKE, versioned layout) for one recipient. */
public final class SealedWrap {

    private final ResolvedRecipient recipient;
    private final byte[] wrap;

    public SealedWrap(ResolvedRecipient recipient, byte[] wrap) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.wrap = Objects.requireNonNull(wrap, "wrap");
    }

    public ResolvedRecipient recipient() {
        return recipient;
    }

    public byte[] wrap() {
        return wrap;
    }

    @Override
    public String toString() {
        return "SealedWrap[recipient=" + recipient.id() + ", keyVersion=" + recipient.keyVersion() + "]";
    }
}
