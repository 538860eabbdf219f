package dev.ctx.client.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A granted access request: the released confidential fields (decimals as strings, timestamps ISO-8601, records as
 * objects; only the fields the purpose's access level allows), who authorized it ({@code policy:<txn>} or
 * {@code grant:<grantId>}) and the id of the access event the key service committed before answering.
 * {@link #toString()} names the released fields, never their values. Field order is the answer's.
 */
public record AccessResult(
        String transactionId, String purpose, String authorizedBy, String eventId, Map<String, JsonNode> fields) {

    public AccessResult {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(purpose, "purpose");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String toString() {
        return "AccessResult[transactionId=" + transactionId + ", purpose=" + purpose + ", authorizedBy=" + authorizedBy
                + ", eventId=" + eventId + ", fields=" + fields.keySet() + " (values redacted)]";
    }
}
