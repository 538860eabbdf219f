package dev.ctx.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.testing.Fixtures;
import dev.ctx.envelope.testing.Party;

/**
 * The limits of epochs: the smallest valid policy and cache, a new epoch once the contexts of new recipient keys
 * would exceed the policy's context bound (but not for keys the epoch already holds), and a recipient cache that
 * can be cleared and described.
 */
class EpochLimitsTest {

    private final Party a = Party.generate("a", 1);
    private final Party b = Party.generate("b", 1);
    private final Party c = Party.generate("c", 1);
    private final Party d = Party.generate("d", 1);
    private final TransactionContext context =
            TransactionContext.of("tx-limits", Fixtures.SCHEMA, List.of("a", "b", "c", "d"));

    private SealedTransaction seal(EnvelopeSealer sealer, Party... parties) {
        List<Recipient> recipients =
                Arrays.stream(parties).map(Party::recipient).toList();
        return sealer.seal(Fixtures.confidentialFields("limits"), context, recipients);
    }

    @Test
    void thePolicyAndTheCacheAcceptOneAsTheirSmallestBound() {
        assertThat(new EpochPolicy(1, Duration.ofNanos(1), 1, System::nanoTime).maxContexts())
                .isEqualTo(1);
        assertThatThrownBy(() -> new EpochPolicy(0, Duration.ofNanos(1), 1, System::nanoTime))
                .isExactlyInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new EpochPolicy(1, Duration.ofNanos(1), 0, System::nanoTime))
                .isExactlyInstanceOf(InvalidInputException.class);
        assertThat(EpochContextCache.withCapacity(1).capacity()).isEqualTo(1);
        assertThatThrownBy(() -> EpochContextCache.withCapacity(0)).isExactlyInstanceOf(InvalidInputException.class);
    }

    @Test
    void newRecipientKeysBeyondTheContextBoundStartANewEpochButKnownKeysDoNot() {
        // Given: at most three contexts per epoch
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(new EpochPolicy(1000, Duration.ofMinutes(1), 3, () -> 0L));
        assertThat(sealer.writesEpochWraps()).isTrue();
        // When
        seal(sealer, a, b);
        seal(sealer, a, b);
        long afterKnownKeys = sealer.epochsStarted();
        seal(sealer, c, d);
        // Then
        assertThat(afterKnownKeys).isEqualTo(1);
        assertThat(sealer.epochsStarted()).isEqualTo(2);
        assertThat(EnvelopeSealer.create().writesEpochWraps()).isFalse();
    }

    @Test
    void recipientKeysWithinTheContextBoundShareTheEpoch() {
        // Given: four contexts per epoch
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(new EpochPolicy(1000, Duration.ofMinutes(1), 4, () -> 0L));
        // When
        seal(sealer, a, b);
        seal(sealer, c, d);
        // Then
        assertThat(sealer.epochsStarted()).isEqualTo(1);
    }

    @Test
    void aClearedCacheSetsTheEpochContextUpAgain() {
        // Given
        EnvelopeSealer sealer = EnvelopeSealer.createEpoch(EpochPolicy.defaults());
        SealedTransaction sealed = seal(sealer, a);
        EpochContextCache cache = EpochContextCache.withCapacity(2);
        EnvelopeOpener opener = EnvelopeOpener.create(cache);
        opener.openSerialized(sealed.ciphertext(), sealed.wrapFor("a"), a.privateKey(), context);
        assertThat(cache).hasToString("EpochContextCache[capacity=2, size=1]");
        // When
        cache.clear();
        byte[] reopened = opener.openSerialized(sealed.ciphertext(), sealed.wrapFor("a"), a.privateKey(), context);
        // Then
        assertThat(reopened).isNotEmpty();
        assertThat(cache.setups()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }
}
