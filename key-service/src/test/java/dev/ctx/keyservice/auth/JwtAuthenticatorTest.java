package dev.ctx.keyservice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class JwtAuthenticatorTest {

    private static final String ISSUER = "https://idp.test";
    private static final String AUDIENCE = "ctx-key-service";

    private static JWTClaimsSet.Builder claims(String role) {
        return new JWTClaimsSet.Builder()
                .subject("alice")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .claim("role", role);
    }

    private static Credentials bearer(String token) {
        return new Credentials("Bearer " + token, List.of());
    }

    @Test
    void es256TokenFromTheConfiguredKeyAuthenticates() throws Exception {
        // Given
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        JwtAuthenticator authenticator =
                JwtAuthenticator.es256(new JWKSet(key.toPublicJWK()).toString(), ISSUER, AUDIENCE);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                claims("participant").build());
        jwt.sign(new ECDSASigner(key));
        // When
        Identity identity = authenticator.authenticate(bearer(jwt.serialize())).orElseThrow();
        // Then
        assertThat(identity).isEqualTo(new Identity("alice", Role.PARTICIPANT, "jwt"));
    }

    @Test
    void es256AuthenticatorRefusesAnHs256TokenSignedWithThePublicKey() throws Exception {
        // Given: the classic algorithm-confusion attack
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        JwtAuthenticator authenticator =
                JwtAuthenticator.es256(new JWKSet(key.toPublicJWK()).toString(), ISSUER, AUDIENCE);
        SignedJWT forged = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256), claims("operator").build());
        forged.sign(new MACSigner(key.toPublicJWK().toJSONString().repeat(2).getBytes(StandardCharsets.UTF_8)));
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(forged.serialize())))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void tokenWithoutARoleClaimIsRefused() throws Exception {
        // Given
        byte[] secret = "an HS256 test secret of 32+ bytes!!".getBytes(StandardCharsets.UTF_8);
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(secret, ISSUER, AUDIENCE);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                claims("operator").claim("role", null).build());
        jwt.sign(new MACSigner(secret));
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(jwt.serialize())))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void requestsWithoutABearerTokenAreNotThisAuthenticatorsBusiness() {
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(new byte[32], ISSUER, AUDIENCE);
        assertThat(authenticator.authenticate(new Credentials("Basic dXNlcjpwYXNz", List.of())))
                .isEmpty();
        assertThat(authenticator.authenticate(new Credentials(null, List.of()))).isEmpty();
    }

    @Test
    void shortHs256SecretsAreRejectedAtConstruction() {
        assertThatThrownBy(() -> JwtAuthenticator.hs256(new byte[16], ISSUER, AUDIENCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAmrClaimBecomesTheAuthenticationMethodsAndASecondFactorStepsUp() throws Exception {
        // Given
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(secret, ISSUER, AUDIENCE);
        SignedJWT withOtp = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                claims("participant").claim("amr", List.of("pwd", "otp")).build());
        withOtp.sign(new MACSigner(secret));
        SignedJWT passwordOnly = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                claims("participant").claim("amr", List.of("pwd")).build());
        passwordOnly.sign(new MACSigner(secret));
        // When
        Identity stepped =
                authenticator.authenticate(bearer(withOtp.serialize())).orElseThrow();
        Identity plain =
                authenticator.authenticate(bearer(passwordOnly.serialize())).orElseThrow();
        // Then
        assertThat(stepped.authenticationMethods()).containsExactlyInAnyOrder("pwd", "otp");
        assertThat(stepped.hasSteppedUp()).isTrue();
        assertThat(plain.hasSteppedUp()).isFalse();
    }

    @Test
    void anAmrClaimThatIsNotAListOfStringsIsRefused() throws Exception {
        // Given
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(secret, ISSUER, AUDIENCE);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                claims("participant").claim("amr", 7).build());
        jwt.sign(new MACSigner(secret));
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(jwt.serialize())))
                .isInstanceOf(AuthenticationException.class);
    }

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        // Given
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String token = hs256(claims("operator").audience("another-service").build());
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid bearer token");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        // Given
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String token = hs256(claims("operator").issuer("https://evil.test").build());
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(token))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenWithoutSubjectOrExpiryIsRefused() throws Exception {
        // Given
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String noSubject = hs256(claims("operator").subject(null).build());
        String noExpiry = hs256(claims("operator").expirationTime(null).build());
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(noSubject)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> authenticator.authenticate(bearer(noExpiry)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenThatExpiredLongerAgoThanTheClockSkewIsRefused() throws Exception {
        // Given: the verifier tolerates 60 s of clock skew, so this one expired well outside it
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String token = hs256(claims("operator")
                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000))
                .build());
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(token))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenWithAnUnknownRoleIsRefusedAsUnauthenticated() throws Exception {
        // Given
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String token = hs256(claims("admin").build());
        // When / Then
        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("role claim");
    }

    @Test
    void nullEntriesOfTheAmrClaimAreDropped() throws Exception {
        // Given
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String token = hs256(claims("participant")
                .claim("amr", Arrays.asList("pwd", null, "mfa"))
                .build());
        // When
        Identity identity = authenticator.authenticate(bearer(token)).orElseThrow();
        // Then
        assertThat(identity.authenticationMethods()).containsExactlyInAnyOrder("pwd", "mfa");
    }

    @Test
    void theBearerSchemeIsMatchedWithoutRegardToCase() throws Exception {
        // Given
        JwtAuthenticator authenticator = JwtAuthenticator.hs256(SECRET, ISSUER, AUDIENCE);
        String token = hs256(claims("auditor").build());
        // When
        Identity identity = authenticator
                .authenticate(new Credentials("bearer " + token, List.of()))
                .orElseThrow();
        // Then
        assertThat(identity).isEqualTo(new Identity("alice", Role.AUDITOR, "jwt"));
    }
}
