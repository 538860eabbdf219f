package dev.ctx.processor.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CanonicalAccessEvent;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.MerkleTree;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.dlq.DeadLetter;

/** The sealer topology as a specification of access-log format v1 (docs/access-log-chain.md, docs/audit-sealer.md). */
class SealerTopologyTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final Ed25519TestSigner signer = new Ed25519TestSigner();

    @Test
    void entriesMatchTheChainHashOfTheirCanonicalEventsWithSequencesWithoutGaps() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            // Given
            List<AccessEvent> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(SealerHarness.event("e-" + i));
            }

            // When
            sent.forEach(event -> sealer.events.pipeInput("k", event));

            // Then
            List<TestRecord<String, SealedAccessEvent>> entries = sealer.log.readRecordsToList();
            assertThat(entries).hasSize(10);
            byte[] prev = ChainHash.genesis(0);
            for (int i = 0; i < entries.size(); i++) {
                SealedAccessEvent entry = entries.get(i).value();
                byte[] canonical = CanonicalAccessEvent.encode(sent.get(i));
                assertThat(entries.get(i).key()).isEqualTo("e-" + i);
                assertThat(entry.getFormatVersion()).isEqualTo(1);
                assertThat(entry.getPartition()).isZero();
                assertThat(entry.getSequence()).isEqualTo(i);
                assertThat(entry.getSourceOffset()).isEqualTo(i);
                assertThat(entry.getEventId()).isEqualTo("e-" + i);
                assertThat(bytes(entry.getEvent())).isEqualTo(canonical);
                assertThat(entry.getPrevHash().bytes()).isEqualTo(prev);
                assertThat(entry.getHash().bytes()).isEqualTo(ChainHash.next(prev, canonical));
                assertThat(CanonicalAccessEvent.isCanonical(bytes(entry.getEvent())))
                        .isTrue();
                prev = entry.getHash().bytes();
            }
            assertThat(sealer.counter(MicrometerSealerMetrics.SEALED, "partition", "0"))
                    .isEqualTo(10.0);
        }
    }

    @Test
    void aRepeatedEventIdIsSealedOnceAndCountedAsADuplicate() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            // Given
            sealer.events.pipeInput("k", SealerHarness.event("a"));
            sealer.events.pipeInput("k", SealerHarness.event("b"));

            // When
            sealer.events.pipeInput("k", SealerHarness.event("a"));
            sealer.events.pipeInput("k", SealerHarness.event("c"));

            // Then
            List<SealedAccessEvent> entries = sealer.log.readValuesToList();
            assertThat(entries).extracting(SealedAccessEvent::getEventId).containsExactly("a", "b", "c");
            assertThat(entries).extracting(SealedAccessEvent::getSequence).containsExactly(0L, 1L, 2L);
            assertThat(sealer.counter(MicrometerSealerMetrics.DUPLICATES, "partition", "0"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void anIdOlderThanTheDedupWindowIsForgottenAndSealedAgain() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 3)) {
            // Given: a, then three more ids push a out of a window of 3
            sealer.events.pipeInput("k", SealerHarness.event("a"));
            sealer.pipe("x", 3);

            // When
            sealer.events.pipeInput("k", SealerHarness.event("a"));
            sealer.events.pipeInput("k", SealerHarness.event("x-2"));

            // Then: the bound is the documented one; a stays chained validly, x-2 is still inside the window
            assertThat(sealer.log.readValuesToList())
                    .extracting(SealedAccessEvent::getEventId)
                    .containsExactly("a", "x-0", "x-1", "x-2", "a");
        }
    }

    @Test
    void aCheckpointAfterNEventsCarriesTheMerkleRootOfItsEntriesAndVerifiesUnderThePublishedKey() {
        try (SealerHarness sealer = new SealerHarness(signer, 4, MINUTE, 100)) {
            // When
            sealer.pipe("e", 9);

            // Then
            List<SealedAccessEvent> entries = sealer.log.readValuesToList();
            List<TestRecord<String, AccessLogCheckpoint>> written = sealer.checkpoints.readRecordsToList();
            assertThat(written).hasSize(2);
            assertThat(written).extracting(TestRecord::key).containsOnly("0");
            byte[] previous = new byte[ChainHash.LENGTH];
            for (int c = 0; c < 2; c++) {
                AccessLogCheckpoint checkpoint = written.get(c).value();
                List<byte[]> leaves = entries.subList(4 * c, 4 * c + 4).stream()
                        .map(e -> e.getHash().bytes())
                        .toList();
                assertThat(checkpoint.getPartition()).isZero();
                assertThat(checkpoint.getFirstSequence()).isEqualTo(4L * c);
                assertThat(checkpoint.getLastSequence()).isEqualTo(4L * c + 3);
                assertThat(checkpoint.getHeadHash().bytes()).isEqualTo(leaves.get(3));
                assertThat(HEX.formatHex(checkpoint.getMerkleRoot().bytes()))
                        .isEqualTo(HEX.formatHex(MerkleTree.root(leaves)));
                assertThat(checkpoint.getPreviousCheckpoint().bytes()).isEqualTo(previous);
                assertThat(verifies(signer.publicKey(), checkpoint)).isTrue();
                previous = CheckpointSigningInput.digest(checkpoint);
            }
            assertThat(sealer.counter(MicrometerSealerMetrics.CHECKPOINTS, "partition", "0"))
                    .isEqualTo(2.0);
        }
    }

    @Test
    void aCheckpointIsWrittenAfterTSecondsOfWallClockWhenEntriesArePendingAndNotForAnIdleChain() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            // Given
            sealer.pipe("e", 3);
            sealer.advanceWallClock(Duration.ofSeconds(30));
            assertThat(sealer.checkpoints.isEmpty()).isTrue();

            // When
            sealer.advanceWallClock(Duration.ofSeconds(31));
            sealer.advanceWallClock(Duration.ofMinutes(5));

            // Then
            List<AccessLogCheckpoint> written = sealer.checkpoints.readValuesToList();
            assertThat(written).hasSize(1);
            assertThat(written.get(0).getFirstSequence()).isZero();
            assertThat(written.get(0).getLastSequence()).isEqualTo(2L);
            assertThat(verifies(signer.publicKey(), written.get(0))).isTrue();
        }
    }

    @Test
    void whileTheKeyServiceIsDownTheSealerKeepsChainingWritesNoCheckpointAndLaterCoversEverything() {
        try (SealerHarness sealer = new SealerHarness(signer, 2, MINUTE, 100)) {
            // Given
            signer.down();
            sealer.pipe("e", 5);
            assertThat(sealer.log.readValuesToList()).hasSize(5);
            assertThat(sealer.checkpoints.isEmpty()).isTrue();
            assertThat(sealer.counter(MicrometerSealerMetrics.CHECKPOINT_FAILURES, "reason", "unavailable"))
                    .isEqualTo(1.0);

            // When: the key service is back and the retry back-off (5 s) has passed
            signer.up();
            sealer.advanceWallClock(Duration.ofSeconds(6));
            sealer.pipe("f", 1);

            // Then: one checkpoint over everything chained since the last one, signed
            List<AccessLogCheckpoint> written = sealer.checkpoints.readValuesToList();
            assertThat(written).hasSize(1);
            assertThat(written.get(0).getFirstSequence()).isZero();
            assertThat(written.get(0).getLastSequence()).isEqualTo(5L);
            assertThat(verifies(signer.publicKey(), written.get(0))).isTrue();
        }
    }

    @Test
    void aSignerThatAnswersAnotherCheckpointIsRefusedAndNothingIsWritten() {
        CheckpointSigner liar = draft -> AccessLogCheckpoint.newBuilder(signer.sign(draft))
                .setLastSequence(draft.lastSequence() + 1)
                .build();
        try (SealerHarness sealer = new SealerHarness(liar, 2, MINUTE, 100)) {
            // When
            sealer.pipe("e", 2);

            // Then
            assertThat(sealer.checkpoints.isEmpty()).isTrue();
            assertThat(sealer.counter(MicrometerSealerMetrics.CHECKPOINT_FAILURES, "reason", "mismatch"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aRestartFromTheChangelogContinuesTheSameChainAndStillDropsEarlierIds() {
        // Given: a first sealer chained 5 events and checkpointed 0..3; its changelogs are what a restore replays
        List<SealedAccessEvent> before;
        List<AccessLogCheckpoint> checkpointsBefore;
        List<List<TestRecord<byte[], byte[]>>> changelogs = new ArrayList<>();
        List<String> stores = List.of(SealerStores.HEADS, SealerStores.WINDOW);
        try (SealerHarness first = new SealerHarness(signer, 4, MINUTE, 100)) {
            first.pipe("e", 5);
            before = first.log.readValuesToList();
            checkpointsBefore = first.checkpoints.readValuesToList();
            stores.forEach(store -> changelogs.add(first.changelog(store)));
        }

        // When: a second sealer restored from them goes on, and sees a producer retry of e-1
        List<SealedAccessEvent> after;
        List<AccessLogCheckpoint> checkpointsAfter;
        try (SealerHarness second = new SealerHarness(signer, 4, MINUTE, 100)) {
            for (int i = 0; i < stores.size(); i++) {
                second.restore(stores.get(i), changelogs.get(i));
            }
            second.events.pipeInput("k", SealerHarness.event("e-1"));
            second.pipe("f", 3);
            after = second.log.readValuesToList();
            checkpointsAfter = second.checkpoints.readValuesToList();
        }

        // Then
        assertThat(after).extracting(SealedAccessEvent::getSequence).containsExactly(5L, 6L, 7L);
        assertThat(after.get(0).getPrevHash().bytes())
                .isEqualTo(before.get(4).getHash().bytes());
        assertThat(checkpointsAfter).hasSize(1);
        assertThat(checkpointsAfter.get(0).getFirstSequence()).isEqualTo(4L);
        assertThat(checkpointsAfter.get(0).getPreviousCheckpoint().bytes())
                .isEqualTo(CheckpointSigningInput.digest(checkpointsBefore.get(0)));
        List<byte[]> leaves = List.of(
                before.get(4).getHash().bytes(),
                after.get(0).getHash().bytes(),
                after.get(1).getHash().bytes(),
                after.get(2).getHash().bytes());
        assertThat(checkpointsAfter.get(0).getMerkleRoot().bytes()).isEqualTo(MerkleTree.root(leaves));
    }

    @Test
    void aRestartRebuildsTheDedupWindowAcrossBlocksAndSealsAgainOnlyWhatLeftIt() {
        // Given: 150 entries under a window of 100, so e-0 .. e-49 have left it and the last block is partly filled
        List<String> stores = List.of(SealerStores.HEADS, SealerStores.WINDOW);
        List<List<TestRecord<byte[], byte[]>>> changelogs = new ArrayList<>();
        try (SealerHarness first = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            first.pipe("e", 150);
            stores.forEach(store -> changelogs.add(first.changelog(store)));
        }

        // When: a sealer restored from the changelogs sees retries from inside and outside the window, then news
        List<SealedAccessEvent> after;
        double duplicates;
        try (SealerHarness second = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            for (int i = 0; i < stores.size(); i++) {
                second.restore(stores.get(i), changelogs.get(i));
            }
            for (String retried : List.of("e-50", "e-100", "e-149")) {
                second.events.pipeInput("k", SealerHarness.event(retried));
            }
            second.events.pipeInput("k", SealerHarness.event("e-49"));
            second.pipe("f", 2);
            after = second.log.readValuesToList();
            duplicates = second.counter(MicrometerSealerMetrics.DUPLICATES, "partition", "0");
        }

        // Then
        assertThat(duplicates).isEqualTo(3.0);
        assertThat(after).extracting(SealedAccessEvent::getEventId).containsExactly("e-49", "f-0", "f-1");
        assertThat(after).extracting(SealedAccessEvent::getSequence).containsExactly(150L, 151L, 152L);
    }

    @Test
    void theDedupWindowIsStoredInBlocksOfSixtyFourThatOverwriteEachOtherInsteadOfGrowing() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            // When: 1,000 entries under a window of 100
            sealer.pipe("e", 1_000);

            // Then: ceil(100 / 64) + 1 = 3 blocks, and no deletes on the changelog
            assertThat(sealer.storedRecords(SealerStores.WINDOW)).isEqualTo(3);
            assertThat(sealer.changelog(SealerStores.WINDOW))
                    .isNotEmpty()
                    .allSatisfy(record -> assertThat(record.value()).isNotNull());
            sealer.events.pipeInput("k", SealerHarness.event("e-900"));
            sealer.events.pipeInput("k", SealerHarness.event("e-899"));
            assertThat(sealer.log.readValuesToList())
                    .extracting(SealedAccessEvent::getEventId)
                    .endsWith("e-999", "e-899");
        }
    }

    @Test
    void anUndecodableRecordAndATombstoneGoToTheDeadLetterTopicWithTypedReasonsAndAreNotChained() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            // When
            sealer.rawEvents.pipeInput("k".getBytes(UTF_8), "{\"eventId\": \"x\"}".getBytes(UTF_8));
            sealer.rawEvents.pipeInput("k".getBytes(UTF_8), (byte[]) null);
            sealer.events.pipeInput("k", SealerHarness.event("ok"));

            // Then
            List<DeadLetter> letters = sealer.deadLetters.readValuesToList();
            assertThat(letters)
                    .extracting(DeadLetter::getReason)
                    .containsExactly(
                            DeadLetterReason.UNDECODABLE_RECORD.name(), DeadLetterReason.UNSEALABLE_EVENT.name());
            assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactly(0L, 1L);
            assertThat(sealer.log.readValuesToList()).singleElement().satisfies(entry -> {
                assertThat(entry.getSequence()).isZero();
                assertThat(entry.getSourceOffset()).isEqualTo(2L);
            });
        }
    }

    @Test
    void anEventSealsToTheSameEntryWhetherItsBodyIsTakenAsItIsOrDecoded() {
        // Given: the same events, written by the builder (attributes sorted: the body is taken as it is) and by a
        // producer that writes them in another order (decoded and encoded again)
        List<AccessEvent> sorted = List.of(SealerHarness.event("e-0"), SealerHarness.event("e-1"));
        List<AccessEvent> unsorted =
                sorted.stream().map(SealerInputDeserializerTest::unsorted).toList();

        // When
        List<SealedAccessEvent> taken = sealed(sorted, 0);
        List<SealedAccessEvent> decoded = sealed(unsorted, 2);

        // Then: the same canonical bytes and the same chain
        assertThat(taken).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(bytes(taken.get(i).getEvent())).isEqualTo(CanonicalAccessEvent.encode(sorted.get(i)));
            assertThat(bytes(decoded.get(i).getEvent()))
                    .isEqualTo(bytes(taken.get(i).getEvent()));
            assertThat(decoded.get(i).getHash()).isEqualTo(taken.get(i).getHash());
        }
    }

    @Test
    void anEventWithoutAnIdGoesToTheDeadLetterTopicAndTheLagIsMeasuredFromTheEventTime() {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            // Given: an event with an empty id (never taken as it is: it is decoded, then refused), then a good one
            AccessEvent noId = SealerHarness.event("x");
            noId.setEventId("");

            // When
            sealer.events.pipeInput("k", noId);
            sealer.rawEvents.pipeInput("k".getBytes(UTF_8), (byte[]) null);
            sealer.advanceWallClock(Duration.ofSeconds(30));
            sealer.events.pipeInput("k", SealerHarness.event("ok"));

            // Then
            assertThat(sealer.deadLetters.readValuesToList())
                    .extracting(DeadLetter::getReason, DeadLetter::getDetail)
                    .containsExactly(
                            tuple(DeadLetterReason.UNSEALABLE_EVENT.name(), "no event id"),
                            tuple(DeadLetterReason.UNSEALABLE_EVENT.name(), "tombstone on the access event topic"));
            assertThat(sealer.log.readValuesToList())
                    .extracting(SealedAccessEvent::getEventId)
                    .containsExactly("ok");
            assertThat(sealer.registry.get(MicrometerSealerMetrics.LAG).gauge().value())
                    .isBetween(29.0, 31.0);
        }
    }

    /** Seals {@code events} in a fresh sealer, which must count {@code expectedDecoded} of them as decoded. */
    private List<SealedAccessEvent> sealed(List<AccessEvent> events, int expectedDecoded) {
        try (SealerHarness sealer = new SealerHarness(signer, 1_000, MINUTE, 100)) {
            events.forEach(event -> sealer.events.pipeInput("k", event));
            assertThat(sealer.counter(MicrometerSealerMetrics.DECODED, "partition", "0"))
                    .isEqualTo(expectedDecoded);
            return sealer.log.readValuesToList();
        }
    }

    private static boolean verifies(Ed25519VerifyingKey key, AccessLogCheckpoint checkpoint) {
        return checkpoint.getSigningKeyId().equals(key.fingerprint())
                && key.verify(CheckpointSigningInput.bytes(checkpoint), bytes(checkpoint.getSignature()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
