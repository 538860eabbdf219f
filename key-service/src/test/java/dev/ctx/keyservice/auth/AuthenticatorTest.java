package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final Credentials NOTHING = new Credentials(null, null);
    private static final Identity BOB = new Identity("bob", Role.OPERATOR, "jwt");
    private static final Identity CAROL = new Identity("carol", Role.AUDITOR, "mtls");

    private final List<String> asked = new ArrayList<>();

    @Test
    void theFirstAuthenticatorThatRecognisesTheCredentialsWinsAndTheRestAreNotAsked() {
        // Given
        Authenticator chain = Authenticator.firstOf(List.of(
                named("none", Optional.empty()), named("bob", Optional.of(BOB)), named("carol", Optional.of(CAROL))));

        // When
        Optional<Identity> identity = chain.authenticate(NOTHING);

        // Then
        assertThat(identity).contains(BOB);
        assertThat(asked).containsExactly("none", "bob");
    }

    @Test
    void whenNoAuthenticatorRecognisesTheCredentialsTheRequestIsUnauthenticated() {
        // Given
        Authenticator chain = Authenticator.firstOf(List.of(named("none", Optional.empty())));

        // When / Then
        assertThatThrownBy(() -> chain.authenticate(NOTHING))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("no credentials");
    }

    @Test
    void credentialsWithoutAChainHoldAnEmptyOne() {
        assertThat(NOTHING.clientCertificates()).isEmpty();
    }

    private Authenticator named(String name, Optional<Identity> answer) {
        return credentials -> {
            asked.add(name);
            return answer;
        };
    }
}
