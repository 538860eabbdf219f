package dev.ctx.cli.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.schemas.access.AccessEvent;

/**
 * The output of {@code ctx audit search}: a table with one row per entry (time, partition/sequence, type, outcome,
 * requester, purpose, txn, reason), oldest first and newest last, columns as wide as their widest value (nothing is
 * cut); or one JSON object per line with every field of the event.
 */
final class SearchTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Column> COLUMNS = List.of(
            new Column("TIME", entry -> entry.time().toString()),
            new Column("PART/SEQ", AuditEntry::coordinate),
            new Column("TYPE", entry -> entry.event().getType().name()),
            new Column("OUTCOME", entry -> entry.event().getOutcome().name()),
            new Column("REQUESTER", entry -> entry.event().getRequester()),
            new Column("PURPOSE", entry -> entry.event().getPurpose()),
            new Column("TXN", entry -> entry.event().getTransactionId()),
            new Column("REASON", entry -> entry.event().getReason()));

    private record Column(String header, Function<AuditEntry, String> value) {}

    private SearchTable() {}

    /** Prints {@code entries} as a table, sorted chronologically, and a count line. */
    static void table(List<AuditEntry> entries, PrintWriter out) {
        List<AuditEntry> sorted = sorted(entries);
        List<String[]> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(Column::header).toArray(String[]::new));
        for (AuditEntry entry : sorted) {
            rows.add(COLUMNS.stream()
                    .map(column -> cell(column.value().apply(entry)))
                    .toArray(String[]::new));
        }
        int[] widths = new int[COLUMNS.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(sorted.size() + (sorted.size() == 1 ? " entry" : " entries"));
        out.flush();
    }

    /** Prints {@code entries} as JSON Lines, sorted chronologically. */
    static void jsonLines(List<AuditEntry> entries, PrintWriter out) {
        for (AuditEntry entry : sorted(entries)) {
            out.println(json(entry));
        }
        out.flush();
    }

    static String json(AuditEntry entry) {
        AccessEvent event = entry.event();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("time", event.getTimestamp().toString());
        object.put("partition", entry.partition());
        object.put("sequence", entry.sequence());
        object.put("offset", entry.offset());
        object.put(
                "sealedAt", entry.sealedAt() == null ? null : entry.sealedAt().toString());
        object.put("eventId", event.getEventId());
        object.put("type", event.getType().name());
        object.put("outcome", event.getOutcome().name());
        object.put("requester", event.getRequester());
        object.put("purpose", event.getPurpose());
        object.put("authorizedBy", event.getAuthorizedBy());
        object.put("transactionId", event.getTransactionId());
        object.put("subject", event.getSubject());
        object.put("reason", event.getReason());
        object.put("source", event.getSource());
        object.put("ip", event.getIp());
        object.put("userAgent", event.getUserAgent());
        object.put("dataAccessed", event.getDataAccessed());
        object.put("attributes", new TreeMap<>(event.getAttributes()));
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an access event did not serialize to JSON", e);
        }
    }

    private static List<AuditEntry> sorted(List<AuditEntry> entries) {
        List<AuditEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.nullsLast(AuditEntry.CHRONOLOGICAL));
        return sorted;
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "-" : TerminalText.clean(value);
    }
}
