package dev.ctx.keyservice.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ctx.keyservice.grants.Grant;
import dev.ctx.keyservice.grants.GrantBook;
import dev.ctx.schemas.encrypted.EncryptedTransaction;

/** In-process grants for unit tests: grants in force, and revoked ones (kept only to name the refusal). */
final class FakeGrantBook implements GrantBook {

    final List<Grant> grants = new ArrayList<>();
    final List<Grant> revoked = new ArrayList<>();

    @Override
    public Optional<Grant> find(String grantee, EncryptedTransaction transaction, String purpose, Instant now) {
        return grants.stream()
                .filter(g -> covers(g, grantee, transaction)
                        && g.purpose().equals(purpose)
                        && !now.isBefore(g.notBefore())
                        && now.isBefore(g.notAfter()))
                .findFirst();
    }

    @Override
    public boolean heldLapsed(String grantee, EncryptedTransaction transaction, Instant now) {
        return revoked.stream().anyMatch(g -> covers(g, grantee, transaction))
                || grants.stream().anyMatch(g -> covers(g, grantee, transaction));
    }

    private static boolean covers(Grant grant, String grantee, EncryptedTransaction transaction) {
        return grant.grantee().equals(grantee) && grant.transactionIds().contains(transaction.getTransactionId());
    }
}
