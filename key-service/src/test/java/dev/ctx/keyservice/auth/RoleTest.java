package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleIsFoundByItsOwnClaim(Role role) {
        assertThat(Role.fromClaim(role.claim())).contains(role);
    }

    @Test
    void theClaimsAreTheDocumentedLowerCaseNames() {
        assertThat(Arrays.stream(Role.values()).map(Role::claim))
                .containsExactly("participant", "operator", "compliance", "auditor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Operator", " operator", "operators", "COMPLIANCE_OFFICER", ""})
    void aClaimSpeltAnyOtherWayIsNoRole(String claim) {
        assertThat(Role.fromClaim(claim)).isEmpty();
    }

    @Test
    void aMissingClaimIsNoRole() {
        assertThat(Role.fromClaim(null)).isEmpty();
    }
}
