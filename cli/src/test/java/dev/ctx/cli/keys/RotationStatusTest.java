package dev.ctx.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.processor.rewrap.RewrapProgress;

/** {@code ctx keys rotation-status}: key versions joined with every partition's remaining count. */
class RotationStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVersionIsWaitingForRetirementOnlyWhenEveryPartitionReportsZero() throws Exception {
        // Given: alice on v3; v1 at zero on both partitions, v2 at zero on one partition only
        JsonNode alice = JSON.readTree("{\"participantId\":\"alice\",\"currentVersion\":3,\"keys\":["
                + "{\"version\":1,\"status\":\"active\"},{\"version\":2,\"status\":\"active\"},"
                + "{\"version\":3,\"status\":\"active\"}]}");
        List<RewrapProgress> progress = List.of(
                new RewrapProgress("alice", 1, 0, 0, 3),
                new RewrapProgress("alice", 1, 1, 0, 3),
                new RewrapProgress("alice", 2, 0, 0, 3));

        // When
        RotationStatus status = RotationStatus.of(List.of(alice), progress, 2);

        // Then
        assertThat(status.rows())
                .extracting(RotationStatus.Row::state)
                .containsExactly("waiting-for-retirement", "rewrapping", "current");
        assertThat(JSON.readTree(status.json()).at("/participants/0/waitingForRetirement"))
                .isEqualTo(JSON.readTree("[1]"));
    }

    @Test
    void theTableNamesRemainingEnvelopesAndReportedPartitionsPerOldVersion() throws Exception {
        // Given
        JsonNode bob = JSON.readTree("{\"id\":\"bob\",\"currentVersion\":2,\"keys\":["
                + "{\"version\":1,\"status\":\"active\"},{\"version\":2,\"status\":\"active\"}]}");
        List<RewrapProgress> progress = List.of(
                new RewrapProgress("bob", 1, 0, 120, 2),
                new RewrapProgress("bob", 1, 1, 7, 2),
                new RewrapProgress("bob", 1, 2, 0, 2));

        // When
        String table = RotationStatus.of(List.of(bob), progress, 3).table();

        // Then
        assertThat(table.lines())
                .containsExactly(
                        "PARTICIPANT          VERSION  STATUS     REMAINING  PARTITIONS STATE",
                        "bob                  v1       active     127        3/3        rewrapping",
                        "bob                  v2       active     -          -          current");
    }

    @Test
    void aRetiredOrDestroyedVersionShowsItsStatusAndIsNotWaiting() throws Exception {
        // Given
        JsonNode carol = JSON.readTree("{\"id\":\"carol\",\"currentVersion\":3,\"keys\":["
                + "{\"version\":1,\"status\":\"destroyed\"},{\"version\":2,\"status\":\"retired\"},"
                + "{\"version\":3,\"status\":\"active\"}]}");

        // When
        RotationStatus status = RotationStatus.of(
                List.of(carol),
                List.of(new RewrapProgress("carol", 1, 0, 0, 3), new RewrapProgress("carol", 2, 0, 0, 3)),
                1);

        // Then
        assertThat(status.rows())
                .extracting(RotationStatus.Row::state)
                .containsExactly("destroyed", "retired", "current");
        assertThat(JSON.readTree(status.json()).at("/participants/0/waitingForRetirement"))
                .isEmpty();
    }
}
