package dev.ctx.cli.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ctx.processor.rewrap.RewrapProgress;

/**
 * The rotation progress of participants: their key versions with status (from the key service) joined with the
 * envelopes remaining per old version on every partition of {@code transactions.envelopes} (from the rewrap job's
 * progress topic). A version is <i>waiting for retirement</i> when it is still ACTIVE, not current, and every partition
 * reports zero; the job retires it on its next punctuation.
 */
final class RotationStatus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "%-20s %-8s %-10s %-10s %-10s %s";

    /** One key version of one participant. */
    record Row(
            String participant,
            int version,
            String status,
            boolean current,
            long remaining,
            int partitionsReported,
            int partitions) {

        /** current, rewrapping, waiting-for-retirement, retired, destroyed, revoked or not-counted. */
        String state() {
            if (current) {
                return "current";
            }
            if (!"active".equals(status)) {
                return status;
            }
            if (partitionsReported < partitions) {
                return partitionsReported == 0 ? "not-counted" : "rewrapping";
            }
            return remaining == 0 ? "waiting-for-retirement" : "rewrapping";
        }
    }

    private final List<Row> rows;

    private RotationStatus(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * @param participants key-service participants, each with {@code id} (or {@code participantId}),
     *     {@code currentVersion} and {@code keys[].version/status}
     * @param progress the progress topic's latest records
     * @param partitions the partition count of {@code transactions.envelopes}
     */
    static RotationStatus of(List<JsonNode> participants, List<RewrapProgress> progress, int partitions) {
        Map<String, Map<Integer, List<RewrapProgress>>> byVersion = new TreeMap<>();
        progress.forEach(record -> byVersion
                .computeIfAbsent(record.participant(), id -> new TreeMap<>())
                .computeIfAbsent(record.version(), version -> new ArrayList<>())
                .add(record));
        List<Row> rows = new ArrayList<>();
        for (JsonNode participant : participants) {
            String id = participant.hasNonNull("id")
                    ? participant.path("id").asText()
                    : participant.path("participantId").asText();
            int current = participant.path("currentVersion").asInt();
            for (JsonNode key : participant.path("keys")) {
                int version = key.path("version").asInt();
                List<RewrapProgress> counts =
                        byVersion.getOrDefault(id, Map.of()).getOrDefault(version, List.of());
                rows.add(new Row(
                        id,
                        version,
                        key.path("status").asText(),
                        version == current,
                        counts.stream().mapToLong(RewrapProgress::remaining).sum(),
                        (int) counts.stream()
                                .filter(count -> count.partition() < partitions)
                                .count(),
                        partitions));
            }
        }
        return new RotationStatus(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** A fixed-width table for people. */
    String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT, FORMAT, "PARTICIPANT", "VERSION", "STATUS", "REMAINING", "PARTITIONS", "STATE"));
        for (Row row : rows) {
            lines.add(String.format(
                    Locale.ROOT,
                    FORMAT,
                    row.participant(),
                    "v" + row.version(),
                    row.status(),
                    row.current() ? "-" : Long.toString(row.remaining()),
                    row.current() ? "-" : row.partitionsReported() + "/" + row.partitions(),
                    row.state()));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** {@code {"participants":[{"participantId","versions":[...],"waitingForRetirement":[...]}]}}. */
    String json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode participants = root.putArray("participants");
        Map<String, List<Row>> byParticipant = new TreeMap<>();
        rows.forEach(row -> byParticipant
                .computeIfAbsent(row.participant(), id -> new ArrayList<>())
                .add(row));
        byParticipant.forEach((id, versions) -> {
            ObjectNode participant = participants.addObject();
            participant.put("participantId", id);
            ArrayNode list = participant.putArray("versions");
            ArrayNode waiting = participant.putArray("waitingForRetirement");
            for (Row row : versions) {
                ObjectNode version = list.addObject();
                version.put("version", row.version());
                version.put("status", row.status());
                version.put("current", row.current());
                if (!row.current()) {
                    version.put("remainingEnvelopes", row.remaining());
                    version.put("partitionsReported", row.partitionsReported());
                    version.put("partitions", row.partitions());
                }
                version.put("state", row.state());
                if ("waiting-for-retirement".equals(row.state())) {
                    waiting.add(row.version());
                }
            }
        });
        return root.toString();
    }
}
