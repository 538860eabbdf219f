package dev.ctx.keyservice.receipts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;

import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.envelope.error.ValueOutOfRangeException;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.OpenRefusedException;
import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;
import dev.ctx.schemas.transaction.Transaction;

/**
 * Opens the receipt opening (amount in minor units, blinding r) of a found transaction with the participant's own
 * wrap and its custodial key, borrowed for the call. Only the amount and the blinding leave the decrypted record, and
 * only as an {@link Opening}; the DEK and the record stay inside the opener. Thread-safe.
 */
final class ReceiptOpenings {

    /** The decimal scale of {@code Transaction.amount} (as the processor's receipts use it): v = amount × 10^scale. */
    static final int AMOUNT_SCALE = ((LogicalTypes.Decimal)
                    Transaction.getClassSchema().getField("amount").schema().getLogicalType())
            .getScale();

    private final CustodialKeys keys;
    private final SealedTransactionOpener opener = new SealedTransactionOpener();

    ReceiptOpenings(CustodialKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The openings of {@code found}, in its order. The custodial key of each key version is borrowed once for all the
     * transactions wrapped under it (one unseal, one {@code KEY_OPENED} event per version and request).
     *
     * @throws ProofRefusal if a transaction cannot give an opening for {@code participant}
     */
    List<Opening> openAll(AuditContext context, String participant, List<LookupResult.Found> found) {
        Map<Integer, List<Integer>> byVersion = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            byVersion
                    .computeIfAbsent(wrapOf(participant, found.get(i)).getKeyVersion(), v -> new ArrayList<>())
                    .add(i);
        }
        Opening[] openings = new Opening[found.size()];
        byVersion.forEach((version, indexes) -> {
            String firstId = found.get(indexes.get(0)).transaction().getTransactionId();
            try {
                keys.withKey(context, participant, version, key -> {
                    RecipientPrivateKey recipient = RecipientPrivateKey.of(participant, version, key);
                    for (int i : indexes) {
                        openings[i] = open(found.get(i), recipient);
                    }
                    return null;
                });
            } catch (ParticipantHeldKeyException e) {
                throw new ProofRefusal(
                        ProofDenial.PARTICIPANT_HELD_KEY,
                        firstId,
                        "the key is held by the participant: prove locally with bin/ctx receipts prove-sum --key-file");
            } catch (NotFoundException | OpenRefusedException e) {
                throw new ProofRefusal(
                        ProofDenial.SHREDDED,
                        firstId,
                        "the key version the envelope of " + firstId + " needs is revoked or destroyed");
            } catch (StoreUnavailableException e) {
                throw new ProofRefusal(
                        ProofDenial.AUDIT_UNAVAILABLE,
                        firstId,
                        "the key could not be opened (its audit event was not committed); retry later");
            }
        });
        return List.of(openings);
    }

    private Opening open(LookupResult.Found found, RecipientPrivateKey key) {
        String id = found.transaction().getTransactionId();
        try {
            return opening(id, opener.open(found.transaction(), found.envelope(), key));
        } catch (EnvelopeException e) {
            throw new ProofRefusal(
                    ProofDenial.INTEGRITY_FAILURE,
                    id,
                    "the encrypted record of transaction " + id + " or its envelope failed to authenticate");
        }
    }

    /** The participant's own wrap; refused if the record was passed in clear or the wrap is missing. */
    private static RecipientWrap wrapOf(String participant, LookupResult.Found found) {
        EncryptedTransaction transaction = found.transaction();
        String id = transaction.getTransactionId();
        if (transaction.getSealed() == null) {
            throw new ProofRefusal(
                    ProofDenial.NO_RECEIPT, id, "transaction " + id + " was passed in clear: no receipt");
        }
        int generation = found.envelope().getGeneration();
        return found.envelope().getWraps().stream()
                .filter(w -> w.getRecipientType() == RecipientType.PARTICIPANT
                        && w.getRecipientId().equals(participant))
                .findFirst()
                .orElseThrow(() -> generation > 1
                        ? new ProofRefusal(
                                ProofDenial.ACCESS_REVOKED,
                                id,
                                "the access of " + participant + " to transaction " + id
                                        + " was revoked: envelope generation " + generation + " holds no wrap for it")
                        : new ProofRefusal(
                                ProofDenial.INTEGRITY_FAILURE,
                                id,
                                "the envelope of transaction " + id + " holds no wrap for " + participant));
    }

    private static Opening opening(String id, GenericRecord fields) {
        byte[] blinding = ConfidentialFields.receiptBlinding(fields)
                .orElseThrow(() -> new ProofRefusal(
                        ProofDenial.NO_RECEIPT, id, "transaction " + id + " was sealed without a receipt blinding"));
        try {
            BigInteger value = Opening.minorUnits((BigDecimal) fields.get("amount"), AMOUNT_SCALE);
            return Opening.of(value, blinding);
        } catch (ValueOutOfRangeException e) {
            throw new ProofRefusal(
                    ProofDenial.NO_RECEIPT, id, "the amount of transaction " + id + " is outside the receipt range");
        }
    }
}
