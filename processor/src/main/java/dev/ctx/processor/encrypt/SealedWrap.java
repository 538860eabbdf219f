package dev.ctx.processor.encrypt;

import java.util.Objects;

import dev.ctx.processor.keys.ResolvedRecipient;

/** The DEK wrapped (HPKE, versioned layout) for one recipient. */
public record SealedWrap(ResolvedRecipient recipient, byte[] wrap) {

    public SealedWrap {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(wrap, "wrap");
    }

    @Override
    public String toString() {
        return "SealedWrap[recipient=" + recipient.id() + ", keyVersion=" + recipient.keyVersion() + "]";
    }
}
