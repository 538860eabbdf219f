package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.AuthenticationFailedException;
import dev.ctx.envelope.error.EnvelopeFormatException;
import dev.ctx.envelope.format.DekWrap;
import dev.ctx.envelope.format.EpochId;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/** Epoch wraps: multi-shot HPKE contexts per recipient key and epoch, one fresh DEK per transaction. */
class EpochWrapsTest {

    private final Party miner = Party.generate("miner-789", 3);
    private final Party client = Party.generate("client-42", 1);
    private final Party settlement = Party.generate("settlement-7", 2);
    private final Party escrow = Party.generate(Recipient.ESCROW_ID, 1);
    private final List<Recipient> recipients =
            List.of(miner.recipient(), client.recipient(), settlement.recipient(), escrow.recipient());
    private final AtomicLong clock = new AtomicLong();

    private EpochPolicy policy(long maxSeals, Duration maxAge) {
        return new EpochPolicy(maxSeals, maxAge, EpochPolicy.DEFAULT_MAX_CONTEXTS, clock::get);
    }

    private static TransactionContext context(String txnId) {
        return TransactionContext.of(txnId, Fixtures.SCHEMA, Fixtures.PARTICIPANTS);
    }

    private record Sealed(TransactionContext context, SealedTransaction sealed) {}

    private List<Sealed> sealMany(EnvelopeSealer sealer, int count) {
        List<Sealed> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TransactionContext context = context("tx-epoch-" + i);
            result.add(new Sealed(context, sealer.seal(Fixtures.confidentialFields("note " + i), context, recipients)));
        }
        return result;
    }

    @Test
    void recipientsOpenEveryWrapOfAnEpochInAnyOrderWithOneContextSetupPerKey() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(1000, Duration.ofMinutes(1)));
        List<Sealed> sealed = sealMany(sealer, 6);
        List<Sealed> shuffled = new ArrayList<>(sealed);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 1, 4);
        EnvelopeOpener opener = EnvelopeOpener.create();
        // When / Then
        for (Sealed one : shuffled) {
            for (Party party : List.of(miner, client, settlement, escrow)) {
                DekWrap wrap = one.sealed().wrapFor(party.id());
                assertThat(wrap.isEpoch()).isTrue();
                GenericRecord fields = opener.open(
                        one.sealed().ciphertext(),
                        DekWrap.parse(party.id(), party.keyVersion(), wrap.toBytes()),
                        party.privateKey(),
                        one.context(),
                        Fixtures.SCHEMA);
                assertThat(fields.get("settlementDetails").toString())
                        .isEqualTo("note " + one.context().transactionId().substring("tx-epoch-".length()));
            }
        }
        assertThat(opener.epochContexts().setups()).isEqualTo(4);
        assertThat(sealer.epochsStarted()).isEqualTo(1);
        assertThat(sealed.stream().map(s -> s.sealed().wrapFor(miner.id()).sequence()))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void reachingTheSealCountStartsANewEpochWithNewContexts() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(2, Duration.ofMinutes(1)));
        // When
        List<Sealed> sealed = sealMany(sealer, 5);
        // Then
        List<DekWrap> minerWraps =
                sealed.stream().map(s -> s.sealed().wrapFor(miner.id())).toList();
        assertThat(sealer.epochsStarted()).isEqualTo(3);
        assertThat(minerWraps.stream().map(DekWrap::sequence)).containsExactly(0L, 1L, 0L, 1L, 0L);
        assertThat(minerWraps.stream().map(w -> w.epochId().orElseThrow()).distinct())
                .hasSize(3);
        assertThat(minerWraps.stream()
                        .map(w -> HexFormat.of().formatHex(w.enc()))
                        .distinct())
                .hasSize(3);
        EnvelopeOpener opener = EnvelopeOpener.create();
        for (Sealed one : sealed) {
            assertThat(opener.open(
                            one.sealed().ciphertext(),
                            one.sealed().wrapFor(miner.id()),
                            miner.privateKey(),
                            one.context(),
                            Fixtures.SCHEMA))
                    .isNotNull();
        }
    }

    @Test
    void reachingTheMaximumAgeStartsANewEpoch() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(1000, Duration.ofSeconds(60)));
        sealMany(sealer, 2);
        // When
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        DekWrap stillFirst = sealMany(sealer, 1).get(0).sealed().wrapFor(miner.id());
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        DekWrap second = sealMany(sealer, 1).get(0).sealed().wrapFor(miner.id());
        // Then
        assertThat(stillFirst.sequence()).isEqualTo(2);
        assertThat(second.sequence()).isZero();
        assertThat(second.epochId()).isNotEqualTo(stillFirst.epochId());
        assertThat(sealer.epochsStarted()).isEqualTo(2);
    }

    @Test
    void noEncAndSequencePairRepeatsAcrossSealerInstancesAndEpochs() {
        // Given
        Set<String> seen = new HashSet<>();
        int total = 0;
        // When
        for (int instance = 0; instance < 3; instance++) {
            try (EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(7, Duration.ofMinutes(1)))) {
                for (Sealed one : sealMany(sealer, 20)) {
                    for (DekWrap wrap : one.sealed().wraps()) {
                        seen.add(HexFormat.of().formatHex(wrap.enc()) + ":" + wrap.sequence());
                        total++;
                    }
                }
            }
        }
        // Then
        assertThat(seen).hasSize(total);
    }

    @Test
    void aWrapMovedToAnotherTransactionFailsAuthentication() {
        // Given two transactions of one epoch, and tx B's epoch wrap relabelled with tx A's seal id
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(1000, Duration.ofMinutes(1)));
        List<Sealed> sealed = sealMany(sealer, 2);
        Sealed a = sealed.get(0);
        DekWrap fromB = sealed.get(1).sealed().wrapFor(miner.id());
        DekWrap moved = DekWrap.ofEpoch(
                miner.id(),
                miner.keyVersion(),
                a.sealed().sealId(),
                fromB.epochId().orElseThrow(),
                fromB.enc(),
                fromB.sequence(),
                fromB.sealedDek());
        // When / Then
        assertThatThrownBy(() -> EnvelopeOpener.create()
                        .open(a.sealed().ciphertext(), moved, miner.privateKey(), a.context(), Fixtures.SCHEMA))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aWrapWithAnotherSequenceNumberOrEpochIdFailsAuthentication() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(1000, Duration.ofMinutes(1)));
        Sealed one = sealMany(sealer, 2).get(1);
        DekWrap wrap = one.sealed().wrapFor(miner.id());
        DekWrap otherSequence = DekWrap.ofEpoch(
                miner.id(),
                miner.keyVersion(),
                one.sealed().sealId(),
                wrap.epochId().orElseThrow(),
                wrap.enc(),
                0,
                wrap.sealedDek());
        DekWrap otherEpoch = DekWrap.ofEpoch(
                miner.id(),
                miner.keyVersion(),
                one.sealed().sealId(),
                EpochId.of(new byte[16]),
                wrap.enc(),
                wrap.sequence(),
                wrap.sealedDek());
        // When / Then
        for (DekWrap tampered : List.of(otherSequence, otherEpoch)) {
            assertThatThrownBy(() -> EnvelopeOpener.create()
                            .open(
                                    one.sealed().ciphertext(),
                                    tampered,
                                    miner.privateKey(),
                                    one.context(),
                                    Fixtures.SCHEMA))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void theContextCacheIsBoundedAndReopensEvictedEpochs() {
        // Given three epochs of two seals each, and a cache of two contexts
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(policy(2, Duration.ofMinutes(1)));
        List<Sealed> sealed = sealMany(sealer, 6);
        EnvelopeOpener opener = EnvelopeOpener.create(EpochContextCache.withCapacity(2));
        // When
        for (Sealed one : sealed) {
            opener.open(
                    one.sealed().ciphertext(),
                    one.sealed().wrapFor(miner.id()),
                    miner.privateKey(),
                    one.context(),
                    Fixtures.SCHEMA);
        }
        Sealed first = sealed.get(0);
        GenericRecord reopened = opener.open(
                first.sealed().ciphertext(),
                first.sealed().wrapFor(miner.id()),
                miner.privateKey(),
                first.context(),
                Fixtures.SCHEMA);
        // Then
        assertThat(reopened).isNotNull();
        assertThat(opener.epochContexts().size()).isEqualTo(2);
        assertThat(opener.epochContexts().setups()).isEqualTo(4);
    }

    @Test
    void aClosedEpochSealerRefusesToSeal() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
        sealMany(sealer, 1);
        // When
        sealer.close();
        // Then
        assertThatThrownBy(() -> sealMany(sealer, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEpochLayoutIs121BytesWithItsFieldsAtFixedOffsets() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
        Sealed one = sealMany(sealer, 2).get(1);
        DekWrap wrap = one.sealed().wrapFor(client.id());
        // When
        byte[] bytes = wrap.toBytes();
        // Then
        assertThat(bytes).hasSize(DekWrap.EPOCH_LENGTH).hasSize(121);
        assertThat(bytes[0]).isEqualTo((byte) 0x03);
        assertThat(Arrays.copyOfRange(bytes, 1, 17))
                .isEqualTo(one.sealed().sealId().bytes());
        assertThat(Arrays.copyOfRange(bytes, 17, 33))
                .isEqualTo(wrap.epochId().orElseThrow().bytes());
        assertThat(Arrays.copyOfRange(bytes, 33, 65)).isEqualTo(wrap.enc());
        assertThat(Arrays.copyOfRange(bytes, 65, 73)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(Arrays.copyOfRange(bytes, 73, 121)).isEqualTo(wrap.sealedDek());
        assertThat(DekWrap.parse(client.id(), client.keyVersion(), bytes).toBytes())
                .isEqualTo(bytes);
        assertThatThrownBy(() -> DekWrap.parse(client.id(), 1, Arrays.copyOf(bytes, 120)))
                .isInstanceOf(EnvelopeFormatException.class);
    }

    @Test
    void anEpochWrapIsRewrappedAsAPerTransactionWrapOfTheSameSeal() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
        Sealed one = sealMany(sealer, 1).get(0);
        Party rotated = Party.generate(miner.id(), 4);
        // When
        DekWrap rewrapped = EnvelopeRewrapper.create()
                .rewrap(one.sealed().wrapFor(miner.id()), miner.privateKey(), rotated.recipient(), one.context());
        // Then
        assertThat(rewrapped.isEpoch()).isFalse();
        assertThat(rewrapped.sealId()).contains(one.sealed().sealId());
        assertThat(EnvelopeOpener.create()
                        .open(
                                one.sealed().ciphertext(),
                                rewrapped,
                                rotated.privateKey(),
                                one.context(),
                                Fixtures.SCHEMA))
                .isNotNull();
    }
}
