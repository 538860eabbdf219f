package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRuleTest {

    @ParameterizedTest(name = "{0} admits {1}")
    @CsvSource({
        "AUTHENTICATED, PARTICIPANT OPERATOR COMPLIANCE_OFFICER AUDITOR",
        "OPERATOR, OPERATOR",
        "OPERATOR_OR_COMPLIANCE, OPERATOR COMPLIANCE_OFFICER",
        "OWNER_OR_OPERATOR, OPERATOR",
        "OWNER_OPERATOR_OR_COMPLIANCE, OPERATOR COMPLIANCE_OFFICER",
        "COMPLIANCE_OR_AUDITOR, COMPLIANCE_OFFICER AUDITOR"
    })
    void eachRuleAdmitsExactlyItsRolesOnAResourceOfSomeoneElse(AccessRule rule, String admitted) {
        // Given
        Set<Role> expected =
                Set.of(admitted.split(" ")).stream().map(Role::valueOf).collect(Collectors.toSet());

        // When
        Set<Role> permitted = EnumSet.allOf(Role.class).stream()
                .filter(role -> rule.permits(new Identity("someone", role, "jwt"), "participant-9"))
                .collect(Collectors.toSet());

        // Then
        assertThat(permitted).isEqualTo(expected);
    }

    @Test
    void anOwnerRuleAdmitsTheParticipantNamedInThePathAndNoOtherParticipant() {
        // Given
        Identity owner = new Identity("participant-9", Role.PARTICIPANT, "mtls");

        // When / Then
        assertThat(AccessRule.OWNER_OR_OPERATOR.permits(owner, "participant-9")).isTrue();
        assertThat(AccessRule.OWNER_OPERATOR_OR_COMPLIANCE.permits(owner, "participant-9"))
                .isTrue();
        assertThat(AccessRule.OWNER_OR_OPERATOR.permits(owner, "participant-8")).isFalse();
        assertThat(AccessRule.OWNER_OR_OPERATOR.permits(owner, null))
                .as("no participant in the path")
                .isFalse();
    }

    @Test
    void aRuleWithoutOwnerAdmitsNoParticipantEvenOnItself() {
        // Given
        Identity participant = new Identity("participant-9", Role.PARTICIPANT, "jwt");

        // When / Then
        assertThat(AccessRule.OPERATOR.permits(participant, "participant-9")).isFalse();
        assertThat(AccessRule.OPERATOR_OR_COMPLIANCE.permits(participant, "participant-9"))
                .isFalse();
        assertThat(AccessRule.COMPLIANCE_OR_AUDITOR.permits(participant, "participant-9"))
                .isFalse();
    }

    @Test
    void anOperatorWhoseNameEqualsTheOwnerIsAdmittedAsOperatorNotAsOwner() {
        // Given: a compliance officer named like the participant is no owner
        Identity namesake = new Identity("participant-9", Role.COMPLIANCE_OFFICER, "jwt");

        // When / Then
        assertThat(AccessRule.OWNER_OR_OPERATOR.permits(namesake, "participant-9"))
                .isFalse();
    }
}
