package dev.ctx.keyservice.byok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.envelope.HpkeChallenge;
import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.participants.ConflictException;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.testing.LifecycleFixture;
import dev.ctx.keyservice.testing.MutableClock;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.access.AccessOutcome;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

/** Proof of possession of a participant-held key, on the in-memory store with a clock the test moves. */
class ParticipantHeldKeysTest {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final AuditContext ALICE_CALLS = new AuditContext("alice", "10.0.0.7", "ctx-client");
    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private static final Duration TTL = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final List<AccessEvent> denials = new CopyOnWriteArrayList<>();
    private final X25519KeyPair own = X25519KeyPair.generate();
    private LifecycleFixture service;
    private ParticipantHeldKeys byok;

    @BeforeEach
    void start() {
        service = LifecycleFixture.start(dir, clock);
        service.registry.register(OPERATOR, ALICE, ParticipantRole.MINER, KycStatus.VERIFIED, List.of("settlement"));
        byok = new ParticipantHeldKeys(
                service.keys, new AccessEvents("key-service/test", clock), denials::add, clock, TTL);
    }

    @AfterEach
    void stop() {
        own.destroy();
        service.close();
    }

    @Test
    void theRightAnswerMakesTheSubmittedKeyTheCurrentParticipantHeldVersion() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        // When
        KeyVersion added =
                byok.prove(ALICE_CALLS, ALICE, challenge.keyVersion(), challenge.challengeId(), open(challenge));
        // Then
        assertThat(added.version()).isEqualTo(1);
        assertThat(added.publicKey()).isEqualTo(own.publicKey());
        assertThat(added.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1);
        assertThat(service.states.require(ALICE).custody().version(1)).isEmpty();
        assertThat(service.states.require(ALICE).custody().isParticipantHeld(1)).isTrue();
        assertThat(service.store.events())
                .extracting(AccessEvent::getType)
                .endsWith(AccessEventType.KEY_POSSESSION_CHALLENGED, AccessEventType.KEY_POSSESSION_PROVEN);
        assertThat(service.store.events().get(service.store.events().size() - 1).getAttributes())
                .containsEntry("keyVersion", "1")
                .containsEntry("custody", "participant-held")
                .containsEntry("challengeId", challenge.challengeId());
        assertThat(denials).isEmpty();
    }

    @Test
    void aParticipantHeldVersionFollowsTheCustodialOnesAndSurvivesARestart() {
        // Given
        service.keys.createKey(OPERATOR, ALICE);
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        // When
        byok.prove(ALICE_CALLS, ALICE, challenge.keyVersion(), challenge.challengeId(), open(challenge));
        // Then
        assertThat(challenge.keyVersion()).isEqualTo(2);
        service.restart();
        assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(2);
        assertThat(service.states.require(ALICE).custody().isParticipantHeld(2)).isTrue();
        assertThat(service.states.require(ALICE).custody().version(1)).isPresent();
    }

    @Test
    void theChallengeIsSealedWithTheDocumentedInfoAndAad() {
        // When
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        // Then
        assertThat(challenge.info()).isEqualTo(PossessionProtocol.info("alice", 1, challenge.challengeId()));
        assertThat(challenge.aad()).isEqualTo(PossessionProtocol.aad("alice", 1, challenge.challengeId()));
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(open(challenge)).hasSize(32);
        assertThat(service.store.events()).last().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.KEY_POSSESSION_CHALLENGED);
            assertThat(event.getRequester()).isEqualTo("alice");
            assertThat(event.getIp()).isEqualTo("10.0.0.7");
        });
    }

    @Test
    void aWrongAnswerIsRefusedAddsNoKeyAndEndsTheChallenge() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        byte[] wrong = open(challenge);
        wrong[0] ^= 1;
        // When / Then
        assertThatThrownBy(() -> byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), wrong))
                .isInstanceOf(ProofFailedException.class);
        assertThat(service.registry.get(ALICE).keys()).isEmpty();
        assertThat(denials).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(AccessEventType.KEY_POSSESSION_PROVEN);
            assertThat(event.getOutcome()).isEqualTo(AccessOutcome.DENIED);
            assertThat(event.getReason()).isEqualTo("PROOF_FAILED");
        });
        assertThatThrownBy(() -> byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), open(challenge)))
                .isInstanceOf(ChallengeExpiredException.class);
    }

    @Test
    void anAnswerAfterTheTimeLimitIsRefusedAsExpired() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        byte[] answer = open(challenge);
        // When
        clock.advance(TTL);
        // Then
        assertThatThrownBy(() -> byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), answer))
                .isInstanceOf(ChallengeExpiredException.class);
        assertThat(service.registry.get(ALICE).keys()).isEmpty();
        assertThat(denials).singleElement().extracting(AccessEvent::getReason).isEqualTo("CHALLENGE_EXPIRED");
    }

    @Test
    void anUnknownChallengeOrAnotherVersionIsRefusedAsExpired() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        byte[] answer = open(challenge);
        // When / Then
        assertThatThrownBy(
                        () -> byok.prove(ALICE_CALLS, ALICE, 1, "00000000-0000-4000-8000-000000000000", answer.clone()))
                .isInstanceOf(ChallengeExpiredException.class);
        assertThatThrownBy(() -> byok.prove(ALICE_CALLS, ALICE, 2, challenge.challengeId(), answer.clone()))
                .isInstanceOf(ChallengeExpiredException.class);
        assertThat(byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), answer)
                        .version())
                .isEqualTo(1);
    }

    @Test
    void aNewChallengeSupersedesThePreviousOne() {
        // Given
        IssuedChallenge first =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        IssuedChallenge second =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        // When / Then
        assertThatThrownBy(() -> byok.prove(ALICE_CALLS, ALICE, 1, first.challengeId(), open(first)))
                .isInstanceOf(ChallengeExpiredException.class);
        assertThat(byok.prove(ALICE_CALLS, ALICE, 1, second.challengeId(), open(second))
                        .version())
                .isEqualTo(1);
        assertThat(byok.pendingCount()).isZero();
    }

    @Test
    void aKeyAddedBetweenChallengeAndProofMakesTheProofConflict() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        service.keys.createKey(OPERATOR, ALICE);
        // When / Then
        assertThatThrownBy(() -> byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), open(challenge)))
                .isInstanceOf(ConflictException.class);
        assertThat(service.states.require(ALICE).custody().participantHeldVersions())
                .isEmpty();
    }

    @Test
    void theCustodialOpenOfAParticipantHeldVersionThrowsParticipantHeldKeyException() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), open(challenge));
        int eventsBefore = service.store.events().size();
        // When / Then
        assertThatThrownBy(() -> service.keys.openCustodialKeyAudited(ALICE_CALLS, ALICE, 1))
                .isInstanceOf(ParticipantHeldKeyException.class)
                .hasMessageContaining("alice v1");
        assertThat(service.store.events()).hasSize(eventsBefore);
    }

    @Test
    void scheduledRotationLeavesAParticipantHeldCurrentKeyAlone() {
        // Given
        IssuedChallenge challenge =
                byok.challenge(ALICE_CALLS, ALICE, own.publicKey().bytes());
        byok.prove(ALICE_CALLS, ALICE, 1, challenge.challengeId(), open(challenge));
        clock.advance(Duration.ofDays(365));
        // When
        var rotated = service.keys.rotateIfDue(OPERATOR, ALICE, clock.instant());
        // Then
        assertThat(rotated).isEmpty();
        assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1);
    }

    @Test
    void aLowOrderPublicKeyIsRefusedBeforeAnythingIsRecorded() {
        // Given: the point of order 1 (u = 0)
        int eventsBefore = service.store.events().size();
        // When / Then
        assertThatThrownBy(() -> byok.challenge(ALICE_CALLS, ALICE, new byte[32]))
                .isInstanceOf(InvalidInputException.class);
        assertThat(service.store.events()).hasSize(eventsBefore);
        assertThat(byok.pendingCount()).isZero();
    }

    @Test
    void theEscrowKeyCannotBeParticipantHeld() {
        // Given
        service.keys.createEscrowKey(OPERATOR);
        // When / Then
        assertThatThrownBy(() -> byok.challenge(
                        OPERATOR, ParticipantId.ESCROW, own.publicKey().bytes()))
                .isInstanceOf(ConflictException.class);
    }

    /** What the participant does with its private key: open the challenge with the info and aad it rebuilt itself. */
    private byte[] open(IssuedChallenge challenge) {
        byte[] info = PossessionProtocol.info("alice", challenge.keyVersion(), challenge.challengeId());
        byte[] aad = PossessionProtocol.aad("alice", challenge.keyVersion(), challenge.challengeId());
        return HpkeChallenge.open(own.privateKey(), challenge.enc(), challenge.ciphertext(), info, aad);
    }
}
