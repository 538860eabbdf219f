package dev.ctx.processor.encrypt;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.generic.GenericRecord;

import dev.ctx.envelope.EnvelopeSealer;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.SealedTransaction;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.processor.keys.ResolvedRecipient;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.transaction.Transaction;

/**
 * The {@link Sealer} on the envelope library: projects the confidential fields, binds them to the transaction's
 * context (txn id, schema fingerprint, participant set) and seals them under a fresh DEK and a fresh seal id for every
 * recipient.
 */
public final class EnvelopeLibrarySealer implements Sealer {

    private final EnvelopeSealer sealer;
    private final ConfidentialFields confidentialFields;
    private final byte[] schemaFingerprint;

    public EnvelopeLibrarySealer(EnvelopeSealer sealer, ConfidentialFields confidentialFields) {
        this.sealer = sealer;
        this.confidentialFields = confidentialFields;
        this.schemaFingerprint = TransactionContext.fingerprintOf(confidentialFields.schema());
    }

    /** A sealer with secure randomness over the current Transaction schema. */
    public static EnvelopeLibrarySealer create() {
        return new EnvelopeLibrarySealer(EnvelopeSealer.create(), ConfidentialFields.ofTransaction());
    }

    @Override
    public SealResult seal(Transaction transaction, List<ResolvedRecipient> recipients) {
        TransactionContext context = TransactionContext.of(transaction.getTransactionId(), schemaFingerprint,
                participantIds(recipients));
        GenericRecord fields = confidentialFields.project(transaction);
        SealedTransaction sealed = sealer.seal(fields, context,
                recipients.stream().map(EnvelopeLibrarySealer::recipient).toList());
        List<SealedWrap> wraps = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            wraps.add(new SealedWrap(recipients.get(i), sealed.wraps().get(i).toBytes()));
        }
        return new SealResult(sealed.ciphertext().toBytes(), schemaFingerprint.clone(), sealed.sealId().bytes(), wraps);
    }

    private static List<String> participantIds(List<ResolvedRecipient> recipients) {
        return recipients.stream().filter(r -> r.type() == RecipientType.PARTICIPANT).map(ResolvedRecipient::id)
                .toList();
    }

    private static Recipient recipient(ResolvedRecipient resolved) {
        return new Recipient(resolved.id(), resolved.keyVersion(), resolved.publicKey());
    }
}
