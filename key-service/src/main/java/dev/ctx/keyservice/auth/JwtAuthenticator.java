package dev.ctx.keyservice.auth;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Verifies {@code Authorization: Bearer <JWT>} with nimbus-jose-jwt: one configured algorithm (HS256 with a shared
 * secret or ES256 with a public JWK), issuer, audience and expiry checked, {@code sub}, {@code exp} and {@code role}
 * required; an optional {@code amr} claim (RFC 8176, a list of strings) becomes
 * {@link Identity#authenticationMethods()}. Unsigned tokens ({@code alg=none}) and any other algorithm are refused.
 * Thread-safe.
 */
public final class JwtAuthenticator implements Authenticator {

    private static final String BEARER = "Bearer ";
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private JwtAuthenticator(JWSAlgorithm algorithm, JWKSource<SecurityContext> keys, String issuer, String audience) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "role")));
    }

    /** HS256 with a shared secret of at least 32 bytes. */
    public static JwtAuthenticator hs256(byte[] secret, String issuer, String audience) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("HS256 secret must be at least 32 bytes");
        }
        return new JwtAuthenticator(JWSAlgorithm.HS256, new ImmutableSecret<>(secret), issuer, audience);
    }

    /** ES256 with the issuer's public keys (a JWK set, JSON). */
    public static JwtAuthenticator es256(String jwkSetJson, String issuer, String audience) throws ParseException {
        return new JwtAuthenticator(
                JWSAlgorithm.ES256, new ImmutableJWKSet<>(JWKSet.parse(jwkSetJson)), issuer, audience);
    }

    @Override
    public Optional<Identity> authenticate(Credentials credentials) {
        String header = credentials.authorization();
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims =
                    processor.process(header.substring(BEARER.length()).trim(), null);
            Role role = Role.fromClaim(claims.getStringClaim("role"))
                    .orElseThrow(() ->
                            new AuthenticationException("token role claim is not participant, operator or compliance"));
            List<String> amr = claims.getStringListClaim("amr");
            return Optional.of(new Identity(
                    claims.getSubject(),
                    role,
                    "jwt",
                    amr == null
                            ? Set.of()
                            : amr.stream().filter(value -> value != null).collect(Collectors.toUnmodifiableSet())));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AuthenticationException(
                    "invalid bearer token (" + e.getClass().getSimpleName() + ")");
        }
    }
}
