package dev.ctx.cli.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The demo's token issuer: a random HS256 secret that lives only as long as the demo, shared with the in-process key
 * service, and short-lived tokens signed with it. Never use a shared HMAC secret like this in production.
 */
final class DemoTokens {

    static final String ISSUER = "ctx-demo";
    static final String AUDIENCE = "ctx-key-service";
    private final byte[] secret = new byte[32];

    DemoTokens() {
        SecureRandom random = new SecureRandom();
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        byte[] encoded = java.util.Base64.getUrlEncoder().withoutPadding().encode(raw);
        System.arraycopy(encoded, 0, secret, 0, secret.length);
    }

    /** The secret as the key service reads it (printable ASCII, 32 bytes). */
    String secretForKeyService() {
        return new String(secret, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A token for {@code subject} with {@code role} (participant, operator or compliance), valid for {@code lifetime}. */
    String issue(String subject, String role, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("role", role).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return jwt.serialize();
    }
}
