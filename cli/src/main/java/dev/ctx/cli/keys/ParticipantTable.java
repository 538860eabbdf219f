package dev.ctx.cli.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders participants as a fixed-width table for people. */
final class ParticipantTable {

    private static final String FORMAT = "%-20s %-11s %-10s %-9s %-8s %s";

    private ParticipantTable() {}

    static String render(JsonNode participants) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, FORMAT, "PARTICIPANT", "ROLE", "STATUS", "KYC", "CURRENT", "KEYS"));
        participants.forEach(p -> lines.add(String.format(
                Locale.ROOT,
                FORMAT,
                p.path("id").asText(),
                p.path("role").asText(),
                p.path("status").asText(),
                p.path("kycStatus").asText(),
                "v" + p.path("currentVersion").asInt(),
                keys(p.path("keys")))));
        return String.join(System.lineSeparator(), lines);
    }

    private static String keys(JsonNode keys) {
        List<String> versions = new ArrayList<>();
        keys.forEach(key -> versions.add(
                "v" + key.path("version").asInt() + ":" + key.path("status").asText()));
        return String.join(" ", versions);
    }
}
