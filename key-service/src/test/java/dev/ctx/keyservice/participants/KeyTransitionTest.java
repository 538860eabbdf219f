package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.schemas.keys.KeyStatus;

/** The key-version state machine: from which status each transition is allowed. */
class KeyTransitionTest {

    private static final ParticipantId ALICE = ParticipantId.parse("alice");
    private static final int CURRENT = 2;

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource({
        "RETIRE,  ACTIVE,    true",
        "RETIRE,  RETIRED,   false",
        "RETIRE,  REVOKED,   false",
        "RETIRE,  DESTROYED, false",
        "REVOKE,  ACTIVE,    true",
        "REVOKE,  RETIRED,   true",
        "REVOKE,  REVOKED,   false",
        "REVOKE,  DESTROYED, false",
        "DESTROY, ACTIVE,    false",
        "DESTROY, RETIRED,   true",
        "DESTROY, REVOKED,   true",
        "DESTROY, DESTROYED, false",
    })
    void aTransitionIsAllowedOnlyFromItsStatuses(KeyTransition transition, KeyStatus from, boolean allowed) {
        // Given
        KeyVersion nonCurrent = key(1, from);
        // When / Then
        if (allowed) {
            assertThatCode(() -> transition.check(ALICE, nonCurrent, CURRENT)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> transition.check(ALICE, nonCurrent, CURRENT))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageStartingWith("key alice v1 is " + from + "; cannot become " + transition.target());
        }
    }

    @ParameterizedTest
    @CsvSource({"RETIRE, false", "REVOKE, true"})
    void onlyRetiringRefusesTheCurrentVersion(KeyTransition transition, boolean allowed) {
        KeyVersion current = key(CURRENT, KeyStatus.ACTIVE);
        if (allowed) {
            assertThatCode(() -> transition.check(ALICE, current, CURRENT)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> transition.check(ALICE, current, CURRENT))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("is current");
        }
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, true", "RETIRED, true", "REVOKED, false", "DESTROYED, false"})
    void onlyActiveOrRetiredKeysAreOpenable(KeyStatus status, boolean openable) {
        assertThat(key(1, status).isOpenable()).isEqualTo(openable);
    }

    private static KeyVersion key(int version, KeyStatus status) {
        X25519KeyPair pair = X25519KeyPair.generate();
        X25519PublicKey publicKey = pair.publicKey();
        pair.destroy();
        return new KeyVersion(version, publicKey, Instant.EPOCH, status);
    }
}
