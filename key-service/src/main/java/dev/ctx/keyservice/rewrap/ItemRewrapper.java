package dev.ctx.keyservice.rewrap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.envelope.EnvelopeRewrapper;
import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.TransactionContext;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.envelope.error.SealIdMismatchException;
import dev.ctx.envelope.format.CiphertextPart;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.SealId;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.EscrowRewrapping;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.OpenRefusedException;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.encrypted.SealedFields;

/**
 * Rewraps one item: finds its transaction in the view, checks that the item's wrap is the recipient's wrap at that
 * key version in the view's envelope and belongs to the record's seal, then unwraps it and wraps the DEK for the
 * target recipient ({@link EnvelopeRewrapper}: the DEK stays in the envelope library). The key it unwraps with:
 * <ul>
 *   <li>a participant's custodial old version: the borrowed custodial key;
 *   <li>the escrow wrap ({@code __escrow} rotated): the escrow key's old version, through the batch's
 *       {@link EscrowRewrapping.BatchRewrapper};
 *   <li>a participant-held (BYOK) old version, which this service cannot open: the envelope's <em>escrow</em> wrap,
 *       unwrapped with the escrow key and wrapped for the participant's new public key (the result says so).
 * </ul>
 * Thread-safe.
 */
final class ItemRewrapper {

    private static final Logger LOGGER = LoggerFactory.getLogger(ItemRewrapper.class);

    private final TransactionLookup lookup;
    private final CustodialKeys keys;

    ItemRewrapper(TransactionLookup lookup, CustodialKeys keys) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @throws dev.ctx.keyservice.lookup.LookupUnavailableException if the view is not queryable (the batch fails)
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if unsealing the old key could not be audited
     */
    RewrapResult rewrap(
            AuditContext context,
            Recipient target,
            RewrapItem item,
            EnvelopeRewrapper.EpochBatch batch,
            EscrowRewrapping.BatchRewrapper escrow) {
        LookupResult result = lookup.find(item.transactionId());
        if (result instanceof LookupResult.Unknown) {
            return failed(item, RewrapError.UNKNOWN_TRANSACTION);
        }
        if (result instanceof LookupResult.Shredded) {
            return failed(item, RewrapError.SHREDDED);
        }
        LookupResult.Found found = (LookupResult.Found) result;
        if (found.envelope().getGeneration() < item.generation()) {
            return failed(item, RewrapError.NOT_YET_VISIBLE);
        }
        if (!isCurrentWrap(found, target, item)) {
            return failed(item, RewrapError.WRAP_MISMATCH);
        }
        try {
            if (isEscrow(target)) {
                return new RewrapResult.Rewrapped(
                        item.transactionId(), item.generation(), openEscrow(target, item, found, escrow), true);
            }
            return rewrapParticipant(context, target, item, found, batch, escrow);
        } catch (NotFoundException | OpenRefusedException e) {
            return failed(item, RewrapError.KEY_NOT_OPENABLE);
        } catch (EnvelopeException e) {
            LOGGER.atWarn()
                    .addKeyValue("transactionId", item.transactionId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("integrity failure on rewrap");
            return failed(item, RewrapError.INTEGRITY_FAILURE);
        }
    }

    private RewrapResult rewrapParticipant(
            AuditContext context,
            Recipient target,
            RewrapItem item,
            LookupResult.Found found,
            EnvelopeRewrapper.EpochBatch batch,
            EscrowRewrapping.BatchRewrapper escrow) {
        try {
            return new RewrapResult.Rewrapped(
                    item.transactionId(), item.generation(), open(context, target, item, found, batch), false);
        } catch (ParticipantHeldKeyException e) {
            return viaEscrowWrap(target, item, found, escrow);
        }
    }

    /** A participant-held old version: the DEK comes from the envelope's escrow wrap, if it has one. */
    private static RewrapResult viaEscrowWrap(
            Recipient target, RewrapItem item, LookupResult.Found found, EscrowRewrapping.BatchRewrapper escrow) {
        RecipientWrap held = found.envelope().getWraps().stream()
                .filter(w ->
                        w.getRecipientType() == RecipientType.ESCROW && Recipient.ESCROW_ID.equals(w.getRecipientId()))
                .findFirst()
                .orElse(null);
        if (held == null) {
            return failed(item, RewrapError.PARTICIPANT_HELD_KEY);
        }
        // the participant's old wrap is checked against the seal too: the item must name this envelope's seal
        requireSameSeal(
                found.transaction(),
                found.envelope(),
                DekWrap.parse(target.recipientId(), item.keyVersion(), item.wrap()));
        DekWrap escrowWrap = DekWrap.parse(Recipient.ESCROW_ID, held.getKeyVersion(), bytes(held.getWrap()));
        requireSameSeal(found.transaction(), found.envelope(), escrowWrap);
        return new RewrapResult.Rewrapped(
                item.transactionId(),
                item.generation(),
                escrow.rewrap(escrowWrap, target, contextOf(found.transaction())),
                true);
    }

    /** The escrow key rotated: the escrow wrap moves from its old escrow version to the new one. */
    private static DekWrap openEscrow(
            Recipient target, RewrapItem item, LookupResult.Found found, EscrowRewrapping.BatchRewrapper escrow) {
        DekWrap old = DekWrap.parse(Recipient.ESCROW_ID, item.keyVersion(), item.wrap());
        requireSameSeal(found.transaction(), found.envelope(), old);
        return escrow.rewrap(old, target, contextOf(found.transaction()));
    }

    private static TransactionContext contextOf(EncryptedTransaction transaction) {
        return TransactionContext.of(
                transaction.getTransactionId(),
                bytes(transaction.getSealed().getSchemaFingerprint()),
                transaction.getParticipants());
    }

    private DekWrap open(
            AuditContext context,
            Recipient target,
            RewrapItem item,
            LookupResult.Found found,
            EnvelopeRewrapper.EpochBatch batch) {
        String participant = target.recipientId();
        DekWrap old = DekWrap.parse(participant, item.keyVersion(), item.wrap());
        EncryptedTransaction transaction = found.transaction();
        requireSameSeal(transaction, found.envelope(), old);
        TransactionContext txn = contextOf(transaction);
        return keys.withKey(
                context,
                participant,
                item.keyVersion(),
                key -> batch.rewrap(old, RecipientPrivateKey.of(participant, item.keyVersion(), key), target, txn));
    }

    /** The view's envelope holds exactly this wrap for the recipient, and it is not yet on the target version. */
    private static boolean isCurrentWrap(LookupResult.Found found, Recipient target, RewrapItem item) {
        if (found.transaction().getSealed() == null || item.keyVersion() == target.keyVersion()) {
            return false;
        }
        return found.envelope().getWraps().stream()
                .filter(w -> isRecipient(w, target))
                .findFirst()
                .filter(w -> w.getKeyVersion() == item.keyVersion() && item.hasWrap(bytes(w.getWrap())))
                .isPresent();
    }

    /** Record, envelope, ciphertext and wrap name one seal; otherwise the view holds a tampered or mixed pair. */
    private static void requireSameSeal(EncryptedTransaction transaction, Envelope envelope, DekWrap wrap) {
        SealedFields sealed = transaction.getSealed();
        CiphertextPart ciphertext = CiphertextPart.parse(bytes(sealed.getCiphertext()));
        byte[] recordSeal = sealed.getSealId() == null ? null : bytes(sealed.getSealId());
        byte[] envelopeSeal = envelope.getSealId() == null ? null : bytes(envelope.getSealId());
        byte[] wrapSeal = wrap.sealId().map(SealId::bytes).orElse(null);
        byte[] ciphertextSeal = ciphertext.sealId().map(SealId::bytes).orElse(null);
        if (!transaction.getTransactionId().equals(envelope.getTransactionId())
                || ciphertext.version() != wrap.version()
                || !Arrays.equals(recordSeal, envelopeSeal)
                || !Arrays.equals(recordSeal, wrapSeal)
                || !Arrays.equals(recordSeal, ciphertextSeal)) {
            throw new SealIdMismatchException("the wrap of transaction " + transaction.getTransactionId()
                    + " does not belong to the seal of its record");
        }
    }

    private static RewrapResult failed(RewrapItem item, RewrapError error) {
        return new RewrapResult.Failed(item.transactionId(), item.generation(), error);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static boolean isRecipient(RecipientWrap wrap, Recipient target) {
        RecipientType type = isEscrow(target) ? RecipientType.ESCROW : RecipientType.PARTICIPANT;
        return wrap.getRecipientType() == type && wrap.getRecipientId().equals(target.recipientId());
    }

    private static boolean isEscrow(Recipient target) {
        return Recipient.ESCROW_ID.equals(target.recipientId());
    }
}
