package dev.ctx.keyservice.rewrap;

import static dev.ctx.keyservice.testing.RewrapFixture.ALICE;
import static dev.ctx.keyservice.testing.RewrapFixture.BOB;
import static dev.ctx.keyservice.testing.RewrapFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.envelope.Recipient;
import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditUnavailableException;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.participants.ConflictException;
import dev.ctx.keyservice.participants.NotFoundException;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.RewrapFixture;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

class RewrapServiceTest {

    private static final String TXN = "txn-1";

    @TempDir
    Path dir;

    private RewrapFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private RewrapFixture started() {
        fixture = RewrapFixture.start(dir);
        return fixture;
    }

    @Test
    void aBatchsWrapsShareOneFreshEpochAndTheNextBatchStartsAnother() {
        // Given: three transactions of alice, rewrapped in a batch of two and a batch of one
        RewrapFixture f = started();
        List<String> ids = List.of(TXN, TXN + "-b", TXN + "-c");
        ids.forEach(id -> f.seal(id, false));
        List<RewrapItem> items = ids.stream().map(id -> f.itemFor(id, ALICE)).toList();
        f.core.keys.rotate(OPERATOR, ALICE);
        // When
        List<RewrapResult> first = f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, items.subList(0, 2)));
        List<RewrapResult> second = f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, items.subList(2, 3)));
        // Then
        List<DekWrap> wraps = java.util.stream.Stream.concat(first.stream(), second.stream()) // qualified: one use
                .map(result -> ((RewrapResult.Rewrapped) result).wrap())
                .toList();
        assertThat(wraps).extracting(DekWrap::sequence).containsExactly(0L, 1L, 0L);
        assertThat(wraps.get(0).epochId()).isEqualTo(wraps.get(1).epochId());
        assertThat(wraps.get(2).epochId()).isNotEqualTo(wraps.get(0).epochId());
        X25519PrivateKey newKey = f.core.unsealForTest(ALICE, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(f.open(ids.get(i), wraps.get(i), newKey)).isEqualTo(RewrapFixture.plaintextOf(ids.get(i)));
        }
    }

    @ParameterizedTest(name = "epoch wraps: {0}")
    @ValueSource(booleans = {false, true})
    void aRewrappedWrapOpensTheSameCiphertextWithTheNewKeyAndNotWithTheOld(boolean epoch) {
        // Given
        RewrapFixture f = started();
        f.seal(TXN, epoch);
        RewrapItem item = f.itemFor(TXN, ALICE);
        assertThat(item.wrap()[0]).isEqualTo(epoch ? DekWrap.EPOCH_LAYOUT : (byte) 0x02);
        f.core.keys.rotate(OPERATOR, ALICE);
        // When
        List<RewrapResult> results = f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, List.of(item)));
        // Then
        assertThat(results).singleElement().isInstanceOf(RewrapResult.Rewrapped.class);
        RewrapResult.Rewrapped done = (RewrapResult.Rewrapped) results.get(0);
        assertThat(done.transactionId()).isEqualTo(TXN);
        assertThat(done.generation()).isEqualTo(1);
        DekWrap fresh = done.wrap();
        assertThat(fresh.recipientId()).isEqualTo("alice");
        assertThat(fresh.keyVersion()).isEqualTo(2);
        assertThat(fresh.isEpoch())
                .as("a batch's new wraps are epoch wraps of one epoch")
                .isTrue();
        assertThat(fresh.sequence()).isZero();
        X25519PrivateKey oldKey = f.core.unsealForTest(ALICE, 1);
        X25519PrivateKey newKey = f.core.unsealForTest(ALICE, 2);
        byte[] viaOld = f.open(TXN, DekWrap.parse("alice", 1, item.wrap()), oldKey);
        byte[] viaNew = f.open(TXN, fresh, newKey);
        assertThat(viaNew)
                .as("the same DEK opens the same ciphertext")
                .isEqualTo(viaOld)
                .isEqualTo(RewrapFixture.plaintextOf(TXN));
        DekWrap relabelled = DekWrap.parse("alice", 1, fresh.toBytes());
        assertThatThrownBy(() -> f.open(TXN, relabelled, oldKey)).isInstanceOf(AuthenticationFailedException.class);
    }

    /** One per-item refusal: what makes it happen and which item is sent. */
    record Refusal(String name, Function<RewrapFixture, RewrapItem> given, RewrapError error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal(
                        "unknown transaction",
                        f -> new RewrapItem(
                                "txn-none", 1, 1, f.itemFor(TXN, ALICE).wrap()),
                        RewrapError.UNKNOWN_TRANSACTION),
                new Refusal(
                        "shredded",
                        f -> {
                            RewrapItem item = f.itemFor(TXN, ALICE);
                            f.view.put(TXN, new LookupResult.Shredded(TXN));
                            return item;
                        },
                        RewrapError.SHREDDED),
                new Refusal(
                        "a newer generation than the view holds",
                        f -> new RewrapItem(TXN, 2, 1, f.itemFor(TXN, ALICE).wrap()),
                        RewrapError.NOT_YET_VISIBLE),
                new Refusal(
                        "another participant's wrap",
                        f -> new RewrapItem(TXN, 1, 1, f.itemFor(TXN, BOB).wrap()),
                        RewrapError.WRAP_MISMATCH),
                new Refusal(
                        "another key version than the envelope names",
                        f -> new RewrapItem(TXN, 1, 3, f.itemFor(TXN, ALICE).wrap()),
                        RewrapError.WRAP_MISMATCH),
                new Refusal(
                        "the wrap of another seal",
                        f -> {
                            f.seal("txn-2", false);
                            return new RewrapItem(
                                    TXN, 1, 1, f.itemFor("txn-2", ALICE).wrap());
                        },
                        RewrapError.WRAP_MISMATCH),
                new Refusal(
                        "a tampered wrap that the view holds too",
                        f -> {
                            tamperAlicesWrap(f);
                            return f.itemFor(TXN, ALICE);
                        },
                        RewrapError.INTEGRITY_FAILURE),
                new Refusal(
                        "a revoked old version",
                        f -> {
                            f.core.keys.revoke(OPERATOR, ALICE, 1);
                            return f.itemFor(TXN, ALICE);
                        },
                        RewrapError.KEY_NOT_OPENABLE),
                new Refusal(
                        "a destroyed old version",
                        f -> {
                            f.core.keys.revoke(OPERATOR, ALICE, 1);
                            f.core.keys.destroy(OPERATOR, ALICE, 1);
                            return f.itemFor(TXN, ALICE);
                        },
                        RewrapError.KEY_NOT_OPENABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anItemThatCannotBeRewrappedGetsItsError(Refusal refusal) {
        // Given
        RewrapFixture f = started();
        f.seal(TXN, false);
        f.core.keys.rotate(OPERATOR, ALICE);
        RewrapItem item = refusal.given().apply(f);
        // When
        List<RewrapResult> results = f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, List.of(item)));
        // Then
        assertThat(results)
                .singleElement()
                .isEqualTo(new RewrapResult.Failed(item.transactionId(), item.generation(), refusal.error()));
        assertThat(f.committed)
                .singleElement()
                .satisfies(e -> assertThat(e.getAttributes())
                        .containsEntry("rewrapped", "0")
                        .containsEntry("failed", "1"));
    }

    @ParameterizedTest(name = "epoch wraps: {0}")
    @ValueSource(booleans = {false, true})
    void anEscrowRotationMovesTheEscrowWrapToTheNewEscrowVersion(boolean epoch) {
        // Given
        RewrapFixture f = startedWithEscrow();
        f.seal(TXN, epoch);
        RewrapItem item = f.itemFor(TXN, ParticipantId.ESCROW);
        f.core.keys.rotate(OPERATOR, ParticipantId.ESCROW);
        // When
        List<RewrapResult> results =
                f.service.rewrap(OPERATOR, new RewrapBatch(ParticipantId.ESCROW, 2, List.of(item)));
        // Then
        RewrapResult.Rewrapped done = rewrapped(results);
        assertThat(done.viaEscrowKey()).isTrue();
        assertThat(done.wrap().recipientId()).isEqualTo(Recipient.ESCROW_ID);
        assertThat(done.wrap().keyVersion()).isEqualTo(2);
        X25519PrivateKey oldKey = f.core.unsealForTest(ParticipantId.ESCROW, 1);
        X25519PrivateKey newKey = f.core.unsealForTest(ParticipantId.ESCROW, 2);
        assertThat(f.open(TXN, done.wrap(), newKey)).isEqualTo(RewrapFixture.plaintextOf(TXN));
        DekWrap relabelled = DekWrap.parse(Recipient.ESCROW_ID, 1, done.wrap().toBytes());
        assertThatThrownBy(() -> f.open(TXN, relabelled, oldKey)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(escrowKeyOpenings(f))
                .as("one unsealing of the old escrow version, for rewrap")
                .singleElement()
                .satisfies(e -> assertThat(e.getAttributes())
                        .containsEntry("keyVersion", "1")
                        .containsEntry("purpose", "rewrap"));
        assertThat(rewrappedEvent(f).getAttributes())
                .containsEntry("participantId", Recipient.ESCROW_ID)
                .containsEntry("rewrapped", "1")
                .containsEntry("escrowKeyUsed", "1");
    }

    @ParameterizedTest(name = "epoch wraps: {0}")
    @ValueSource(booleans = {false, true})
    void aParticipantHeldOldKeyIsRewrappedFromTheEscrowWrapForTheParticipantsNewKey(boolean epoch) {
        // Given
        RewrapFixture f = startedWithEscrow();
        f.seal(TXN, epoch);
        f.seal("txn-2", epoch);
        List<RewrapItem> items = List.of(f.itemFor(TXN, BOB), f.itemFor("txn-2", BOB));
        X25519KeyPair bobsNewKey = f.registerOwnKey(BOB);
        // When
        List<RewrapResult> results = f.service.rewrap(OPERATOR, new RewrapBatch(BOB, 2, items));
        // Then
        assertThat(results).hasSize(2).allSatisfy(result -> {
            RewrapResult.Rewrapped done = (RewrapResult.Rewrapped) result;
            assertThat(done.viaEscrowKey()).isTrue();
            assertThat(done.wrap().recipientId()).isEqualTo("bob");
            assertThat(done.wrap().keyVersion()).isEqualTo(2);
            assertThat(f.open(done.transactionId(), done.wrap(), bobsNewKey.privateKey()))
                    .isEqualTo(RewrapFixture.plaintextOf(done.transactionId()));
            X25519KeyPair stranger = X25519KeyPair.generate();
            assertThatThrownBy(() -> f.open(done.transactionId(), done.wrap(), stranger.privateKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
        });
        assertThat(escrowKeyOpenings(f))
                .as("the escrow key is unsealed once per batch")
                .hasSize(1);
        assertThat(rewrappedEvent(f).getAttributes())
                .containsEntry("participantId", "bob")
                .containsEntry("fromVersions", "1")
                .containsEntry("toVersion", "2")
                .containsEntry("rewrapped", "2")
                .containsEntry("escrowKeyUsed", "2");
        bobsNewKey.destroy();
    }

    @Test
    void aCustodialRewrapNeverUnsealsTheEscrowKey() {
        // Given
        RewrapFixture f = startedWithEscrow();
        f.seal(TXN, false);
        f.core.keys.rotate(OPERATOR, ALICE);
        // When
        List<RewrapResult> results =
                f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, List.of(f.itemFor(TXN, ALICE))));
        // Then
        assertThat(rewrapped(results).viaEscrowKey()).isFalse();
        assertThat(escrowKeyOpenings(f)).isEmpty();
        assertThat(rewrappedEvent(f).getAttributes()).containsEntry("escrowKeyUsed", "0");
    }

    @Test
    void aParticipantHeldOldKeyWithoutAnEscrowWrapIsNotRewrapped() {
        // Given
        RewrapFixture f = started();
        f.seal(TXN, false);
        f.core.keys.rotate(OPERATOR, BOB);
        // When
        List<RewrapResult> results = f.service.rewrap(OPERATOR, new RewrapBatch(BOB, 2, List.of(f.itemFor(TXN, BOB))));
        // Then
        assertThat(results)
                .singleElement()
                .isEqualTo(new RewrapResult.Failed(TXN, 1, RewrapError.PARTICIPANT_HELD_KEY));
    }

    private RewrapFixture startedWithEscrow() {
        fixture = RewrapFixture.startWithEscrow(dir);
        return fixture;
    }

    private static RewrapResult.Rewrapped rewrapped(List<RewrapResult> results) {
        assertThat(results).singleElement().isInstanceOf(RewrapResult.Rewrapped.class);
        return (RewrapResult.Rewrapped) results.get(0);
    }

    private static List<AccessEvent> escrowKeyOpenings(RewrapFixture f) {
        return f.core.store.events().stream()
                .filter(e -> e.getType() == AccessEventType.KEY_OPENED && Recipient.ESCROW_ID.equals(e.getSubject()))
                .toList();
    }

    private static AccessEvent rewrappedEvent(RewrapFixture f) {
        return f.committed.stream()
                .filter(e -> e.getType() == AccessEventType.REWRAPPED)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one REWRAPPED event");
                })
                .orElseThrow();
    }

    @Test
    void anItemAlreadyOnTheTargetVersionIsAMismatch() {
        // Given
        RewrapFixture f = started();
        f.core.keys.rotate(OPERATOR, ALICE);
        f.seal(TXN, false);
        // When
        List<RewrapResult> results =
                f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, List.of(f.itemFor(TXN, ALICE))));
        // Then
        assertThat(results).singleElement().isEqualTo(new RewrapResult.Failed(TXN, 1, RewrapError.WRAP_MISMATCH));
    }

    @Test
    void aBatchIsAnsweredInOrderAfterOneRewrappedEvent() {
        // Given
        RewrapFixture f = started();
        f.seal("txn-a", false);
        f.seal("txn-b", true);
        f.core.keys.rotate(OPERATOR, ALICE);
        List<RewrapItem> items = List.of(
                f.itemFor("txn-a", ALICE),
                new RewrapItem("txn-none", 1, 1, f.itemFor("txn-a", ALICE).wrap()),
                f.itemFor("txn-b", ALICE));
        // When
        List<RewrapResult> results = f.service.rewrap(OPERATOR, new RewrapBatch(ALICE, 2, items));
        // Then
        assertThat(results).extracting(RewrapResult::transactionId).containsExactly("txn-a", "txn-none", "txn-b");
        assertThat(results)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Rewrapped", "Failed", "Rewrapped");
        AccessEvent event = f.committed.stream()
                .filter(e -> e.getType() == AccessEventType.REWRAPPED)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one REWRAPPED event");
                })
                .orElseThrow();
        assertThat(event.getSubject()).isEqualTo("alice");
        assertThat(event.getRequester()).isEqualTo("rewrap-job");
        assertThat(event.getDataAccessed()).containsExactly("key:alice/v1", "key:alice/v2");
        assertThat(event.getAttributes())
                .containsEntry("fromVersions", "1")
                .containsEntry("toVersion", "2")
                .containsEntry("items", "3")
                .containsEntry("rewrapped", "2")
                .containsEntry("failed", "1")
                .containsEntry("transactions", "3");
        assertThat(f.meters
                        .counter("ctx.keyservice.rewrap.items", "result", "REWRAPPED")
                        .count())
                .isEqualTo(2.0);
        assertThat(f.meters
                        .counter("ctx.keyservice.rewrap.items", "result", "UNKNOWN_TRANSACTION")
                        .count())
                .isEqualTo(1.0);
        assertThat(event.toString())
                .doesNotContain(new String(RewrapFixture.plaintextOf("txn-a"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "toVersion {0}")
    @ValueSource(ints = {1, 3})
    void onlyTheCurrentVersionIsATarget(int toVersion) {
        // Given
        RewrapFixture f = started();
        f.seal(TXN, false);
        f.core.keys.rotate(OPERATOR, ALICE);
        RewrapBatch batch = new RewrapBatch(ALICE, toVersion, List.of(f.itemFor(TXN, ALICE)));
        // When / Then
        assertThatThrownBy(() -> f.service.rewrap(OPERATOR, batch))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("current version");
        assertThat(f.committed).noneMatch(e -> e.getType() == AccessEventType.REWRAPPED);
    }

    @Test
    void anUnknownParticipantIsNotFound() {
        // Given
        RewrapFixture f = started();
        f.seal(TXN, false);
        RewrapBatch batch = new RewrapBatch(ParticipantId.parse("carol"), 1, List.of(f.itemFor(TXN, ALICE)));
        // When / Then
        assertThatThrownBy(() -> f.service.rewrap(OPERATOR, batch)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void withoutACommittedEventNothingIsReturned() {
        // Given
        RewrapFixture f = started();
        f.seal(TXN, false);
        f.core.keys.rotate(OPERATOR, ALICE);
        f.failCommits = true;
        RewrapBatch batch = new RewrapBatch(ALICE, 2, List.of(f.itemFor(TXN, ALICE)));
        // When / Then
        assertThatThrownBy(() -> f.service.rewrap(OPERATOR, batch)).isInstanceOf(AuditUnavailableException.class);
    }

    /** Flips one byte of alice's wrap in the view's envelope. */
    private static void tamperAlicesWrap(RewrapFixture f) {
        LookupResult.Found found = (LookupResult.Found) f.view.get(TXN);
        Envelope tampered = Envelope.newBuilder(found.envelope())
                .setWraps(found.envelope().getWraps().stream()
                        .map(w -> w.getRecipientId().equals("alice") ? flipped(w) : w)
                        .toList())
                .build();
        f.view.put(TXN, new LookupResult.Found(found.transaction(), tampered));
    }

    private static RecipientWrap flipped(RecipientWrap wrap) {
        byte[] bytes = RewrapFixture.bytes(wrap.getWrap());
        bytes[bytes.length - 3] ^= 0x01;
        return RecipientWrap.newBuilder(wrap).setWrap(ByteBuffer.wrap(bytes)).build();
    }
}
