package dev.ctx.client.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A time-bound grant to create ({@code POST /v1/grants}): a grantee may read, for one purpose and the named fields,
 * either the listed transactions or those of one participant between {@code from} and {@code to}, while now is in
 * [{@code notBefore}, {@code notAfter}]. Build with {@link #forTransactions} or {@link #forParticipant}.
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
        Instant notAfter) {

    public GrantRequest {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        transactionIds = transactionIds == null ? null : List.copyOf(transactionIds);
        fields = List.copyOf(fields);
        if ((transactionIds == null) == (participantId == null)) {
            throw new IllegalArgumentException("a grant names either transaction ids or a participant and range");
        }
    }

    /** A grant over the listed transactions. */
    public static GrantRequest forTransactions(
            String grantee,
            List<String> transactionIds,
            String purpose,
            List<String> fields,
            Instant notBefore,
            Instant notAfter) {
        return new GrantRequest(grantee, transactionIds, null, null, null, purpose, fields, notBefore, notAfter);
    }

    /** A grant over one participant's transactions with a timestamp in [{@code from}, {@code to}]. */
    public static GrantRequest forParticipant(
            String grantee,
            String participantId,
            Instant from,
            Instant to,
            String purpose,
            List<String> fields,
            Instant notBefore,
            Instant notAfter) {
        return new GrantRequest(
                grantee,
                null,
                Objects.requireNonNull(participantId, "participantId"),
                Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(to, "to"),
                purpose,
                fields,
                notBefore,
                notAfter);
    }

    /** The request body, members of the other form left out, instants as ISO-8601. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantee", grantee);
        if (transactionIds != null) {
            body.put("transactionIds", transactionIds);
        } else {
            body.put("participantId", participantId);
            body.put("from", from.toString());
            body.put("to", to.toString());
        }
        body.put("purpose", purpose);
        body.put("fields", fields);
        body.put("notBefore", notBefore.toString());
        body.put("notAfter", notAfter.toString());
        return body;
    }
}
