package dev.ctx.keyservice.grants;

import java.time.Instant;

import dev.ctx.schemas.encrypted.EncryptedTransaction;

/** Whether one grant lets a grantee read a transaction for a purpose at an instant. */
final class GrantMatch {

    private GrantMatch() {}

    static boolean allows(
            GrantState state, String grantee, EncryptedTransaction transaction, String purpose, Instant now) {
        Grant grant = state.grant();
        return !state.isRevoked()
                && grant.grantee().equals(grantee)
                && grant.purpose().equals(purpose)
                && !now.isBefore(grant.notBefore())
                && now.isBefore(grant.notAfter())
                && covers(grant, transaction);
    }

    /** The transaction id is listed, or the transaction names the participant and its timestamp is in [from, to). */
    static boolean covers(Grant grant, EncryptedTransaction transaction) {
        if (!grant.transactionIds().isEmpty()) {
            return grant.transactionIds().contains(transaction.getTransactionId());
        }
        Instant at = transaction.getTimestamp();
        return grant.participantId() != null
                && transaction.getParticipants().contains(grant.participantId())
                && !at.isBefore(grant.from())
                && at.isBefore(grant.to());
    }
}
