package dev.ctx.processor.encrypt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.avro.generic.GenericRecord;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.processor.config.WrapMode;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.transaction.Transaction;

/**
 * The {@link Sealer} on the envelope library: projects the confidential fields, binds them to the transaction's
 * context (txn id, schema fingerprint, participant set) and seals them under a fresh DEK and a fresh seal id for every
 * recipient, with per-transaction or epoch wraps ({@link WrapMode}). Unless built {@link #withoutReceipts()}, it also
 * makes the transaction's receipt ({@link ReceiptMaker}) and seals the receipt's blinding with the fields.
 *
 * <p>Epoch wraps: {@link #forTask()} returns a sealer with its own {@link EnvelopeSealer#createEpoch epoch sealer},
 * so every stream task (each start, restart, rebalance or crash recovery runs the processor's {@code init} again)
 * starts new epochs whose HPKE contexts exist only in its memory and are destroyed by {@link #close()}. A task's
 * processor runs on one stream thread; the epoch sealer also synchronizes internally.
 */
public final class EnvelopeLibrarySealer implements Sealer {

    private final EnvelopeSealer sealer;
    private final ConfidentialFields confidentialFields;
    private final byte[] schemaFingerprint;
    private final Supplier<EnvelopeSealer> perTask;
    private final ReceiptMaker receipts;

    public EnvelopeLibrarySealer(EnvelopeSealer sealer, ConfidentialFields confidentialFields) {
        this(sealer, confidentialFields, null, ReceiptMaker.create());
    }

    private EnvelopeLibrarySealer(
            EnvelopeSealer sealer,
            ConfidentialFields confidentialFields,
            Supplier<EnvelopeSealer> perTask,
            ReceiptMaker receipts) {
        this.sealer = sealer;
        this.confidentialFields = confidentialFields;
        this.schemaFingerprint = TransactionContext.fingerprintOf(confidentialFields.schema());
        this.perTask = perTask;
        this.receipts = receipts;
    }

    /**
     * This sealer without receipts: no commitment, no opening proof, a null {@code receiptBlinding} (the baseline of
     * the receipts benchmark, and {@code receipts.enabled=false}).
     */
    public EnvelopeLibrarySealer withoutReceipts() {
        return new EnvelopeLibrarySealer(sealer, confidentialFields, perTask, ReceiptMaker.disabled());
    }

    /** A sealer with secure randomness and per-transaction wraps over the current Transaction schema. */
    public static EnvelopeLibrarySealer create() {
        return new EnvelopeLibrarySealer(EnvelopeSealer.create(), ConfidentialFields.ofTransaction());
    }

    /** A sealer with secure randomness over the current Transaction schema writing {@code mode} wraps. */
    public static EnvelopeLibrarySealer create(WrapMode mode, EpochPolicy policy) {
        if (mode == WrapMode.PER_TRANSACTION) {
            return create();
        }
        Supplier<EnvelopeSealer> perTask = () -> EnvelopeSealer.createEpoch(policy);
        return new EnvelopeLibrarySealer(
                perTask.get(), ConfidentialFields.ofTransaction(), perTask, ReceiptMaker.create());
    }

    /** With epoch wraps a new sealer with new epochs; with per-transaction wraps this sealer. */
    @Override
    public Sealer forTask() {
        return perTask == null ? this : new EnvelopeLibrarySealer(perTask.get(), confidentialFields, perTask, receipts);
    }

    /** Destroys the epoch contexts of an epoch sealer (later seals fail); no-op for per-transaction wraps. */
    @Override
    public void close() {
        sealer.close();
    }

    /** Whether this sealer writes epoch wraps. */
    public boolean writesEpochWraps() {
        return sealer.writesEpochWraps();
    }

    @Override
    public SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients) {
        TransactionContext context =
                TransactionContext.of(transaction.getTransactionId(), schemaFingerprint, participantIds(recipients));
        Optional<ReceiptMaker.Made> receipt = receipts.make(transaction);
        GenericRecord fields = receipt.isPresent()
                ? confidentialFields.project(transaction, receipt.get().blinding())
                : confidentialFields.project(transaction);
        SealedTransaction sealed = sealer.seal(
                fields,
                context,
                recipients.stream().map(EnvelopeLibrarySealer::recipient).toList());
        List<SealedWrap> wraps = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            wraps.add(new SealedWrap(recipients.get(i), sealed.wraps().get(i).toBytes()));
        }
        return new SealResult(
                sealed.ciphertext().toBytes(),
                schemaFingerprint.clone(),
                sealed.sealId().bytes(),
                wraps,
                receipt.map(ReceiptMaker.Made::receipt).orElse(null));
    }

    private static List<String> participantIds(List<ResolvedRecipient> recipients) {
        return recipients.stream()
                .filter(r -> r.type() == RecipientType.PARTICIPANT)
                .map(ResolvedRecipient::id)
                .toList();
    }

    private static Recipient recipient(ResolvedRecipient resolved) {
        return new Recipient(resolved.id(), resolved.keyVersion(), resolved.publicKey());
    }
}
