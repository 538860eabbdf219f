package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest {

    @ParameterizedTest
    @ValueSource(strings = {"mfa", "otp", "hwk"})
    void aJwtWithASecondFactorHasSteppedUp(String factor) {
        assertThat(new Identity("alice", Role.PARTICIPANT, "jwt", Set.of("pwd", factor)).hasSteppedUp())
                .isTrue();
    }

    @Test
    void aClientCertificateHasSteppedUpWithoutAnyAmr() {
        assertThat(new Identity("alice", Role.PARTICIPANT, "mtls").hasSteppedUp())
                .isTrue();
    }

    @Test
    void aJwtWithAPasswordOnlyOrNoAmrHasNotSteppedUp() {
        assertThat(new Identity("alice", Role.PARTICIPANT, "jwt", Set.of("pwd", "kba")).hasSteppedUp())
                .isFalse();
        assertThat(new Identity("alice", Role.PARTICIPANT, "jwt").hasSteppedUp())
                .isFalse();
    }

    @Test
    void aParticipantIsItselfOnlyUnderItsOwnId() {
        // Given
        Identity alice = new Identity("alice", Role.PARTICIPANT, "jwt");

        // When / Then
        assertThat(alice.isParticipant("alice")).isTrue();
        assertThat(alice.isParticipant("bob")).isFalse();
    }

    @Test
    void anotherRoleUnderTheParticipantsIdIsNotTheParticipant() {
        assertThat(new Identity("alice", Role.OPERATOR, "jwt").isParticipant("alice"))
                .isFalse();
    }
}
