package dev.ctx.keyservice.escrow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.keyservice.access.ReleasedFields;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.EscrowKeyUnsealing;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.OpenRefusedException;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientType;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * Opens the transactions of one approved escrow request with the escrow key: looks each up in the transaction view,
 * takes the envelope's escrow wrap (the key version it names), and renders only the requested fields. The escrow keys
 * are borrowed through {@link EscrowKeyUnsealing} for this one call and destroyed when it returns. Thread-safe.
 */
final class EscrowOpener {

    private static final Logger LOGGER = LoggerFactory.getLogger(EscrowOpener.class);

    private final TransactionLookup lookup;
    private final EscrowKeyUnsealing escrowKeys;
    private final SealedTransactionOpener opener = new SealedTransactionOpener();

    EscrowOpener(TransactionLookup lookup, EscrowKeyUnsealing escrowKeys) {
        this.lookup = lookup;
        this.escrowKeys = escrowKeys;
    }

    /**
     * @throws dev.ctx.keyservice.participants.StoreUnavailableException if an escrow key's {@code KEY_OPENED} event
     *     was not committed (nothing is returned)
     */
    List<EscrowOpenedTransaction> open(AuditContext context, EscrowCase escrowCase) {
        Set<String> fields = Set.copyOf(escrowCase.fields());
        return escrowKeys.withEscrowKeysForOneOpen(context, escrowCase.requestId(), keys -> {
            List<EscrowOpenedTransaction> out = new ArrayList<>();
            for (String transactionId : escrowCase.transactionIds()) {
                out.add(openOne(transactionId, fields, keys));
            }
            return out;
        });
    }

    private EscrowOpenedTransaction openOne(
            String transactionId, Set<String> fields, EscrowKeyUnsealing.LentEscrowKeys keys) {
        LookupResult result = lookup.find(transactionId);
        if (result instanceof LookupResult.Unknown) {
            return EscrowOpenedTransaction.notOpened(transactionId, "UNKNOWN_TRANSACTION");
        }
        if (result instanceof LookupResult.Shredded) {
            return EscrowOpenedTransaction.notOpened(transactionId, "SHREDDED");
        }
        LookupResult.Found found = (LookupResult.Found) result;
        EncryptedTransaction transaction = found.transaction();
        if (transaction.getSealed() == null) {
            return transaction.getClear() == null
                    ? EscrowOpenedTransaction.notOpened(transactionId, "INTEGRITY_FAILURE")
                    : opened(transactionId, ReleasedFields.of(transaction.getClear(), fields));
        }
        Optional<RecipientWrap> wrap = escrowWrap(found.envelope());
        if (wrap.isEmpty()) {
            return EscrowOpenedTransaction.notOpened(transactionId, "NO_ESCROW_WRAP");
        }
        try {
            return opened(
                    transactionId,
                    ReleasedFields.of(
                            opener.open(
                                    transaction,
                                    found.envelope(),
                                    keys.version(wrap.get().getKeyVersion())),
                            fields));
        } catch (NotFoundException | OpenRefusedException e) {
            return EscrowOpenedTransaction.notOpened(transactionId, "SHREDDED");
        } catch (EnvelopeException e) {
            LOGGER.atWarn()
                    .addKeyValue("transactionId", transactionId)
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("integrity failure on escrow open");
            return EscrowOpenedTransaction.notOpened(transactionId, "INTEGRITY_FAILURE");
        }
    }

    private static EscrowOpenedTransaction opened(String transactionId, Map<String, Object> fields) {
        return new EscrowOpenedTransaction(transactionId, EscrowOpenedTransaction.OPENED, new LinkedHashMap<>(fields));
    }

    private static Optional<RecipientWrap> escrowWrap(Envelope envelope) {
        return envelope.getWraps().stream()
                .filter(w -> w.getRecipientType() == RecipientType.ESCROW)
                .findFirst();
    }
}
