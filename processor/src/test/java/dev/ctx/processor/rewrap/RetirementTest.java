package dev.ctx.processor.rewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;

import dev.ctx.processor.metrics.MicrometerRewrapMetrics;
import dev.ctx.processor.testing.TestKeyrings;

/**
 * Automatic retirement (issue 14 item 3): each task writes its remaining count per old version to the progress topic,
 * and the task of partition 0 retires a version only when every partition reports zero.
 */
class RetirementTest {

    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final int OLD = TestKeyrings.KEY_VERSION;

    @Test
    void theOldVersionIsRetiredOnceNoEnvelopeWrapsUnderIt() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB))) {
            // Given
            harness.sealAndPipe(List.of(ALICE, BOB));
            harness.sealAndPipe(List.of(BOB, ALICE));

            // When
            harness.rotate(ALICE);
            harness.tick();
            harness.tick();

            // Then
            assertThat(harness.client.retirements()).containsExactly(ALICE + "/" + OLD);
            assertThat(retired(harness, ALICE)).isEqualTo(1.0);
            assertThat(lastProgress(harness, ALICE, OLD)).isEqualTo(new RewrapProgress(ALICE, OLD, 0, 0, OLD + 1));
        }
    }

    @Test
    void noRetirementWhileOneEnvelopeStillWrapsUnderTheOldVersion() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB))) {
            // Given
            harness.sealAndPipe(List.of(ALICE, BOB));
            String late = harness.sealAndPipe(List.of(ALICE, BOB));
            harness.client.notYetVisible(late);

            // When
            harness.rotate(ALICE);
            harness.tick();
            harness.tick();

            // Then
            assertThat(harness.client.retirements()).isEmpty();
            assertThat(lastProgress(harness, ALICE, OLD).remaining()).isEqualTo(1);

            // And when the last one is rewrapped
            harness.client.visible(late);
            harness.tick();
            harness.tick();
            assertThat(harness.client.retirements()).containsExactly(ALICE + "/" + OLD);
        }
    }

    @Test
    void oneTasksZeroIsNotTheGlobalZero() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB), 2)) {
            // Given: partition 0 (the driver's only task) reaches zero; partition 1 has not reported yet
            harness.sealAndPipe(List.of(ALICE, BOB));
            harness.rotate(ALICE);
            harness.tick();
            harness.tick();
            assertThat(harness.client.retirements()).isEmpty();

            // When: partition 1 reports envelopes left, then zero
            RewrapProgress stillThree = new RewrapProgress(ALICE, OLD, 1, 3, OLD + 1);
            harness.progressIn.pipeInput(stillThree.key(), stillThree.value());
            harness.tick();
            List<String> whileThreeLeft = List.copyOf(harness.client.retirements());
            RewrapProgress zero = new RewrapProgress(ALICE, OLD, 1, 0, OLD + 1);
            harness.progressIn.pipeInput(zero.key(), zero.value());
            harness.tick();

            // Then
            assertThat(whileThreeLeft).isEmpty();
            assertThat(harness.client.retirements()).containsExactly(ALICE + "/" + OLD);
        }
    }

    @Test
    void aVersionTheKeyringAlreadyShowsRetiredIsNotAskedAgain() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB))) {
            // Given: the keyring says RETIRED already (e.g. a restart after the retirement)
            harness.sealAndPipe(List.of(ALICE, BOB));
            harness.rotate(ALICE);
            harness.keyrings.pipeInput(ALICE, harness.keys.retire(ALICE, OLD));

            // When
            harness.tick();
            harness.tick();

            // Then
            assertThat(harness.client.retirements()).isEmpty();
        }
    }

    @Test
    void anUnavailableKeyServiceIsAskedAgainNextPunctuation() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB))) {
            // Given: every envelope rewrapped, then the key service goes down
            harness.sealAndPipe(List.of(ALICE, BOB));
            harness.rotate(ALICE);
            harness.tick();
            harness.client.unavailable(true);
            harness.tick();
            assertThat(harness.client.retirements()).isEmpty();

            // When
            harness.client.unavailable(false);
            harness.tick();

            // Then
            assertThat(harness.client.retirements()).containsExactly(ALICE + "/" + OLD);
        }
    }

    @Test
    void aMalformedProgressRecordNeverRetires() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB), 2)) {
            // Given
            harness.sealAndPipe(List.of(ALICE, BOB));
            harness.rotate(ALICE);
            harness.tick();

            // When: partition 1's record is not the layout (wrong length)
            harness.progressIn.pipeInput(RewrapProgress.keyOf(ALICE, OLD, 1), new byte[] {0x01, 0});
            harness.tick();

            // Then
            assertThat(harness.client.retirements()).isEmpty();
        }
    }

    @Test
    void aKnownParticipantsSeriesStartAtZeroBeforeAnyRotation() {
        try (RewrapHarness harness = new RewrapHarness(List.of(ALICE, BOB))) {
            // When
            harness.tick();

            // Then: dashboards see 0, not "no data"
            assertThat(retired(harness, ALICE)).isZero();
            assertThat(harness.registry.find(MicrometerRewrapMetrics.RETIRED).counters())
                    .extracting(counter -> counter.getId().getTag("participant"))
                    .contains(ALICE, BOB);
            assertThat(harness.registry
                            .find(MicrometerRewrapMetrics.FAILED)
                            .tag("participant", ALICE)
                            .counters())
                    .extracting(counter -> counter.getId().getTag("code"))
                    .contains("KEY_NOT_OPENABLE", "ANSWER_MISMATCH")
                    .doesNotContain("NOT_YET_VISIBLE");
            assertThat(harness.registry
                            .find(MicrometerRewrapMetrics.PENDING)
                            .tag("participant", BOB)
                            .gauge()
                            .value())
                    .isZero();
        }
    }

    private static RewrapProgress lastProgress(RewrapHarness harness, String participant, int version) {
        List<TestRecord<String, byte[]>> records = harness.progressOut.readRecordsToList();
        return records.stream()
                .map(record ->
                        RewrapProgress.parse(record.key(), record.value()).orElseThrow())
                .filter(progress -> progress.participant().equals(participant) && progress.version() == version)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private static double retired(RewrapHarness harness, String participant) {
        Counter counter = harness.registry
                .find(MicrometerRewrapMetrics.RETIRED)
                .tag("participant", participant)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
