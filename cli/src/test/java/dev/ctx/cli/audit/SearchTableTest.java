package dev.ctx.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.schemas.access.AccessOutcome;

class SearchTableTest {

    @Test
    void rowsAreChronologicalNewestLastWithEveryColumn() {
        // Given entries delivered out of time order (as partitions interleave)
        List<AuditEntry> entries = new ArrayList<>(new AuditEntries()
                .access(0, "auditor-1", "settlement", "txn-1", AccessOutcome.GRANTED, null)
                .access(5, "auditor-2", null, "txn-2", AccessOutcome.DENIED, "NO_GRANT for txn-2")
                .access(9, "auditor-3", "dispute", null, AccessOutcome.GRANTED, null)
                .list());
        Collections.reverse(entries);

        // When
        String[] lines = table(entries).split("\n");

        // Then
        assertThat(lines[0]).matches("TIME +PART/SEQ +TYPE +OUTCOME +REQUESTER +PURPOSE +TXN +REASON");
        assertThat(lines[1])
                .matches(
                        "2026-12-01T08:00:00Z +\\d/\\d +ACCESS_GRANTED +GRANTED +auditor-1 +settlement" + " +txn-1 +-");
        assertThat(lines[2])
                .matches("2026-12-01T08:05:00Z +\\d/\\d +ACCESS_DENIED +DENIED +auditor-2 +- +txn-2"
                        + " +NO_GRANT for txn-2");
        assertThat(lines[3]).startsWith("2026-12-01T08:09:00Z").contains("auditor-3", "dispute");
        assertThat(lines[4]).isEqualTo("3 entries");
    }

    @Test
    void columnsLineUpAndNothingIsCut() {
        // Given
        String longRequester = "spiffe://ctx.example/ns/compliance/sa/auditor-with-a-very-long-name";
        List<AuditEntry> entries = new AuditEntries()
                .access(0, longRequester, "settlement", "txn-1", AccessOutcome.GRANTED, null)
                .access(1, "a", "s", "t", AccessOutcome.DENIED, null)
                .list();

        // When
        String[] lines = table(entries).split("\n");

        // Then
        assertThat(lines[1]).contains(longRequester);
        assertThat(lines[1].indexOf("settlement")).isEqualTo(lines[2].indexOf(" s ") + 1);
    }

    @Test
    void terminalControlCharactersFromEventsAreNeutralised() {
        // Given a requester carrying an ANSI escape and a reason with a bidi override and a newline
        List<AuditEntry> entries = new AuditEntries()
                .access(0, "evil\u001b[2J\u001b[31m", null, "txn-1", AccessOutcome.DENIED, "ok\u202e\ndenied")
                .list();

        // When
        String out = table(entries);

        // Then
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u202e").contains("evil\uFFFD[2J\uFFFD[31m");
        assertThat(out.split("\n")).hasSize(3);
    }

    @Test
    void jsonLinesCarryEveryFieldAndStayOneLinePerEntry() throws Exception {
        // Given
        List<AuditEntry> entries = new AuditEntries()
                .access(0, "auditor-1", "settlement", "txn-1", AccessOutcome.DENIED, "line one\nline two")
                .list();
        StringWriter out = new StringWriter();

        // When
        SearchTable.jsonLines(entries, new PrintWriter(out));

        // Then
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        assertThat(json.path("time").asText()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(json.path("requester").asText()).isEqualTo("auditor-1");
        assertThat(json.path("reason").asText()).isEqualTo("line one\nline two");
        assertThat(json.path("eventId").asText())
                .isEqualTo(entries.get(0).event().getEventId());
        assertThat(json.has("partition") && json.has("sequence") && json.has("attributes"))
                .isTrue();
    }

    private static String table(List<AuditEntry> entries) {
        StringWriter out = new StringWriter();
        SearchTable.table(entries, new PrintWriter(out));
        return out.toString();
    }
}
