package dev.ctx.keyservice.access;

import java.util.List;
import java.util.Objects;

/**
 * What a caller asks to read.
 *
 * @param transactionId the transaction
 * @param purpose why (must be allowed by the transaction's policy and the caller's registry entry)
 * @param fields the confidential fields wanted, or null for every field the purpose's access level releases
 */
public record AccessRequest(String transactionId, String purpose, List<String> fields) {

    public AccessRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(purpose, "purpose");
        fields = fields == null ? null : List.copyOf(fields);
    }
}
