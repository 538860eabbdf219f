package dev.ctx.cli.escrow;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain-text tables of escrow requests and of an open's transactions. */
final class EscrowTable {

    private static final String REQUEST_ROW = "%-36s  %-9s  %-21s  %-5s  %-24s  %-20s  %s%n";
    private static final String OPENED_ROW = "%-24s  %-19s  %s%n";

    private EscrowTable() {}

    /** One row per request ({@code requests} is an array or one request). */
    static String requests(JsonNode requests) {
        List<JsonNode> rows = new ArrayList<>();
        if (requests.isArray()) {
            requests.forEach(rows::add);
        } else {
            rows.add(requests);
        }
        StringBuilder out = new StringBuilder(String.format(
                REQUEST_ROW, "REQUEST", "STATE", "APPROVED BY", "OPENS", "EXPIRES", "AUTHORIZATION", "TRANSACTIONS"));
        for (JsonNode r : rows) {
            List<String> approvers = new ArrayList<>();
            r.path("approvals").forEach(a -> approvers.add(a.path("officer").asText()));
            List<String> transactions = new ArrayList<>();
            r.path("transactionIds").forEach(t -> transactions.add(t.asText()));
            out.append(String.format(
                    REQUEST_ROW,
                    r.path("requestId").asText(),
                    r.path("state").asText(),
                    approvers.isEmpty() ? "-" : String.join(",", approvers),
                    r.path("opens").asInt() + "/" + r.path("maxOpens").asInt(),
                    r.path("expiresAt").asText(),
                    r.path("authorizationReference").asText(),
                    String.join(",", transactions)));
        }
        return out.toString();
    }

    /** One row per transaction of an open: its status and its fields as JSON. */
    static String opened(JsonNode transactions) {
        StringBuilder out = new StringBuilder(String.format("%n" + OPENED_ROW, "TRANSACTION", "STATUS", "FIELDS"));
        for (JsonNode t : transactions) {
            out.append(String.format(
                    OPENED_ROW,
                    t.path("transactionId").asText(),
                    t.path("status").asText(),
                    t.has("fields") ? t.get("fields").toString() : "-"));
        }
        return out.toString();
    }
}
