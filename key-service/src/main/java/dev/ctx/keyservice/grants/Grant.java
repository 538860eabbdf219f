package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Time-bound access for a party that is not (or not only) a participant: given by an operator or compliance officer,
 * revocable, stored on a compacted topic.
 *
 * @param grantId unique id; the access event's {@code authorizedBy} when this grant allows a request
 * @param grantee the authenticated subject that may use the grant
 * @param transactionIds the transactions it covers, or empty when it covers a participant's transactions in a time
 *        range
 * @param participantId with {@code from}/{@code to}: every transaction of this participant whose timestamp lies in
 *        [from, to); null when {@code transactionIds} is used
 * @param purpose the one purpose it allows
 * @param fields the confidential fields it may release (further cut by the purpose's access level)
 * @param notBefore start of validity (inclusive)
 * @param notAfter end of validity (exclusive)
 * @param grantedBy who gave it
 */
public record Grant(
        String grantId,
        String grantee,
        List<String> transactionIds,
        String participantId,
        Instant from,
        Instant to,
        String purpose,
        Set<String> fields,
        Instant notBefore,
        Instant notAfter,
        String grantedBy) {

    public Grant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grantee, "grantee");
        transactionIds = List.copyOf(transactionIds);
        Objects.requireNonNull(purpose, "purpose");
        fields = Set.copyOf(fields);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(grantedBy, "grantedBy");
    }
}
