package dev.ctx.client.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.SealedAccessEvent;
import dev.ctx.schemas.auditlog.Sha256;
import dev.ctx.testkit.auditlog.AccessLogFixture;
import dev.ctx.testkit.auditlog.FixtureSigner;

/**
 * Inclusion proofs (docs/access-log-chain.md §8): built from the log as a source feeds it, checked offline with only
 * the public key; a changed event, a changed root or another signer fails. Checkpoints of 7 entries, so that the
 * trees are not perfect.
 */
class InclusionProofTest {

    private static final FixtureSigner SIGNER = FixtureSigner.generate("audit-signer-1");
    private static final FixtureSigner OTHER = FixtureSigner.generate("audit-signer-x");
    private static final SigningKeys KEYS = FixtureFeed.keys(SIGNER);
    private static final AccessLogFixture LOG = AccessLogFixture.seal(2, 30, 7, SIGNER);

    static IntStream sequences() {
        return IntStream.range(0, 28);
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void theProofOfEveryCheckpointedEventVerifies(int sequence) throws IOException {
        // When
        InclusionProof proof = prove(1, sequence);
        InclusionProof reread = InclusionProof.parse(proof.toJson().toString().getBytes(StandardCharsets.UTF_8));
        // Then
        assertThat(proof.verify(KEYS).valid()).as(proof.verify(KEYS).detail()).isTrue();
        assertThat(reread.verify(KEYS).valid()).isTrue();
        assertThat(reread.toJson()).isEqualTo(proof.toJson());
    }

    @Test
    void anEventAfterTheLastCheckpointHasNoProofYet() {
        ProofCollector collector = new ProofCollector(AccessLogFixture.eventId(1, 29));
        FixtureFeed.feed(LOG, collector);
        assertThat(collector.found()).isTrue();
        assertThat(collector.proof()).isEmpty();
    }

    @Test
    void aChangedEventFails() {
        // Given
        InclusionProof proof = prove(1, 10);
        SealedAccessEvent other = LOG.entries(1).get(11).value();
        // When: the event bytes of another entry, the rest as proven
        InclusionProof changed = proof.withEntry(SealedAccessEvent.newBuilder(proof.entry())
                .setEvent(other.getEvent())
                .build());
        // Then
        assertThat(changed.verify(KEYS).failure()).contains(BreakKind.MODIFIED_EVENT);
    }

    @Test
    void aChangedEventWithItsHashRecomputedFailsTheAuditPath() {
        // Given
        InclusionProof proof = prove(1, 10);
        SealedAccessEvent other = LOG.entries(1).get(11).value();
        byte[] event = new byte[other.getEvent().remaining()];
        other.getEvent().duplicate().get(event);
        byte[] eventIdFixed = event;
        SealedAccessEvent forged = SealedAccessEvent.newBuilder(proof.entry())
                .setEventId(other.getEventId())
                .setEvent(ByteBuffer.wrap(eventIdFixed))
                .setHash(new Sha256(ChainHash.next(proof.entry().getPrevHash().bytes(), eventIdFixed)))
                .build();
        // When
        ProofVerdict verdict = proof.withEntry(forged).verify(KEYS);
        // Then
        assertThat(verdict.failure()).contains(BreakKind.BAD_MERKLE_ROOT);
    }

    @Test
    void aChangedRootFailsTheSignature() {
        InclusionProof proof = prove(1, 10);
        InclusionProof changed = proof.withCheckpoint(AccessLogCheckpoint.newBuilder(proof.checkpoint())
                .setMerkleRoot(new Sha256(new byte[32]))
                .build());
        assertThat(changed.verify(KEYS).failure()).contains(BreakKind.BAD_SIGNATURE);
    }

    @Test
    void aProofUnderAnotherSignerFails() {
        InclusionProof proof = prove(1, 10);
        assertThat(proof.verify(FixtureFeed.keys(OTHER)).failure()).contains(BreakKind.UNKNOWN_SIGNING_KEY);
    }

    private static InclusionProof prove(int partition, int sequence) {
        ProofCollector collector = new ProofCollector(AccessLogFixture.eventId(partition, sequence));
        FixtureFeed.feed(LOG, collector);
        return collector.proof().orElseThrow();
    }
}
