package dev.ctx.envelope;

import java.util.List;
import java.util.Objects;

import dev.ctx.envelope.error.UnknownRecipientException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.SealId;

/**
 * The result of a seal: the public ciphertext part (for {@code transactions.encrypted}) and one DEK wrap per recipient
 * (for {@code transactions.envelopes}), in the order the recipients were given. Immutable.
 */
public record SealedTransaction(CiphertextPart ciphertext, List<DekWrap> wraps) {

    public SealedTransaction {
        Objects.requireNonNull(ciphertext, "ciphertext");
        wraps = List.copyOf(wraps);
    }

    /** The seal id shared by the ciphertext and every wrap (format v2 and later). */
    public SealId sealId() {
        return ciphertext.sealId().orElseThrow(() -> new IllegalStateException("a v1 seal has no seal id"));
    }

    /**
     * The wrap for {@code recipientId}.
     *
     * @throws UnknownRecipientException if there is none
     */
    public DekWrap wrapFor(String recipientId) {
        return wraps.stream()
                .filter(w -> w.recipientId().equals(recipientId))
                .findFirst()
                .orElseThrow(() -> new UnknownRecipientException("no DEK wrap for recipient " + recipientId));
    }
}
