package dev.ctx.keyservice.access;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.ctx.client.open.SealedTransactionOpener;
import dev.ctx.envelope.RecipientPrivateKey;
import dev.ctx.envelope.error.UnknownRecipientException;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * Opens what a decision released: finds the wrap of the first participant in {@link AccessDecision.Granted#openWith()}
 * whose key the service holds (the key version named in that wrap), borrows the unsealed custodial key, decrypts and
 * renders only the released fields. A transaction passed in clear is rendered from its clear fields. Thread-safe.
 */
final class TransactionReader {

    private final CustodialKeys keys;
    private final SealedTransactionOpener opener = new SealedTransactionOpener();

    TransactionReader(CustodialKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @throws ParticipantHeldKeyException if every candidate holds its own key
     * @throws dev.ctx.envelope.error.EnvelopeException if the record or the envelope is malformed or tampered with
     */
    Map<String, Object> read(AuditContext context, LookupResult.Found found, AccessDecision.Granted granted) {
        EncryptedTransaction transaction = found.transaction();
        if (transaction.getSealed() == null) {
            if (transaction.getClear() == null) {
                throw new UnknownRecipientException(
                        "transaction " + transaction.getTransactionId() + " has neither sealed nor clear fields");
            }
            return ReleasedFields.of(transaction.getClear(), granted.fields());
        }
        ParticipantHeldKeyException participantHeld = null;
        for (String participant : granted.openWith()) {
            Optional<RecipientWrap> wrap = Wraps.find(found.envelope(), participant);
            if (wrap.isEmpty()) {
                continue;
            }
            int version = wrap.get().getKeyVersion();
            try {
                return keys.withKey(
                        context,
                        participant,
                        version,
                        key -> ReleasedFields.of(
                                opener.open(
                                        transaction,
                                        found.envelope(),
                                        RecipientPrivateKey.of(participant, version, key)),
                                granted.fields()));
            } catch (ParticipantHeldKeyException e) {
                participantHeld = e;
            }
        }
        if (participantHeld != null) {
            throw participantHeld;
        }
        throw new UnknownRecipientException("the envelope of transaction " + transaction.getTransactionId()
                + " holds no wrap for " + String.join(", ", granted.openWith()));
    }
}
