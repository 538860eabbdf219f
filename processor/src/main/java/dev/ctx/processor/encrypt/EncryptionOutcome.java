package dev.ctx.processor.encrypt;

import java.util.List;
import java.util.Optional;

import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.receipts.Receipt;

/**
 * The outputs of one input record: sealed (encrypted record, envelope, access event and receipt), clear (encrypted
 * record and its {@code PASSED_IN_CLEAR} access event) or rejected (dead letter only). Each accessor returns zero or
 * one element, ready for {@code flatMapValues}.
 */
public final class EncryptionOutcome {

    private final EncryptedTransaction encrypted;
    private final Envelope envelope;
    private final AccessEvent accessEvent;
    private final DeadLetter deadLetter;
    private final DeadLetterReason reason;
    private final List<Receipt> receipt;

    private EncryptionOutcome(
            EncryptedTransaction encrypted,
            Envelope envelope,
            AccessEvent accessEvent,
            DeadLetter deadLetter,
            DeadLetterReason reason,
            List<Receipt> receipt) {
        this.encrypted = encrypted;
        this.envelope = envelope;
        this.accessEvent = accessEvent;
        this.deadLetter = deadLetter;
        this.reason = reason;
        this.receipt = List.copyOf(receipt);
    }

    public static EncryptionOutcome sealed(EncryptedTransaction encrypted, Envelope envelope, AccessEvent event) {
        return sealed(encrypted, envelope, event, List.of());
    }

    /** Sealed, with the transaction's receipt (zero or one). */
    public static EncryptionOutcome sealed(
            EncryptedTransaction encrypted, Envelope envelope, AccessEvent event, List<Receipt> receipt) {
        return new EncryptionOutcome(encrypted, envelope, event, null, null, receipt);
    }

    /** Passed in clear, with its {@code PASSED_IN_CLEAR} access event. */
    public static EncryptionOutcome clear(EncryptedTransaction encrypted, AccessEvent passedInClear) {
        return new EncryptionOutcome(encrypted, null, passedInClear, null, null, List.of());
    }

    public static EncryptionOutcome rejected(DeadLetter deadLetter, DeadLetterReason reason) {
        return new EncryptionOutcome(null, null, null, deadLetter, reason, List.of());
    }

    /** The receipt of a sealed transaction (none when passed in clear, rejected, or the amount is out of range). */
    public List<Receipt> receipt() {
        return receipt;
    }

    public List<EncryptedTransaction> encrypted() {
        return listOf(encrypted);
    }

    public List<Envelope> envelope() {
        return listOf(envelope);
    }

    public List<AccessEvent> accessEvent() {
        return listOf(accessEvent);
    }

    public List<DeadLetter> deadLetter() {
        return listOf(deadLetter);
    }

    /** The rejection reason, when rejected. */
    public Optional<DeadLetterReason> reason() {
        return Optional.ofNullable(reason);
    }

    private static <T> List<T> listOf(T value) {
        return value == null ? List.of() : List.of(value);
    }

    @Override
    public String toString() {
        String kind = deadLetter != null ? "rejected:" + reason : envelope != null ? "sealed" : "clear";
        return "EncryptionOutcome[" + kind + "]";
    }
}
