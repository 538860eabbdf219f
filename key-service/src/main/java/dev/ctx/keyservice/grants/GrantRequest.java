package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.List;

/**
 * What an operator or compliance officer asks for; checked by {@link GrantValidator}. Any component may be null (the
 * validator says which is missing).
 *
 * @param grantee who may use the grant
 * @param transactionIds the transactions it covers (one scope form)
 * @param participantId with {@code from} and {@code to}: the other scope form
 * @param from start of the transaction-timestamp range (inclusive)
 * @param to end of the range (exclusive)
 * @param purpose the one purpose
 * @param fields confidential field names
 * @param notBefore start of validity (inclusive)
 * @param notAfter end of validity (exclusive)
 */
public record GrantRequest(
        String grantee,
        List<String> transactionIds,
        String participantId,
        Instant from,
        Instant to,
        String purpose,
        List<String> fields,
        Instant notBefore,
        Instant notAfter) {}
