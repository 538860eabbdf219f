package dev.ctx.keyservice.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local key service's HS256 token issuer. Its secret lives in an owner-only file of the local directory, created
 * on first use, so a local key service restarted on the same directory (or a test in another JVM reading the same
 * directory) accepts the tokens issued before. Never use a shared HMAC secret like this in production.
 */
public final class LocalTokens {

    static final String ISSUER = "ctx-local";
    static final String AUDIENCE = "ctx-key-service";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    private LocalTokens(byte[] secret) {
        this.secret = secret;
    }

    /** The issuer of the local key service in {@code dir} (its secret is created there if absent). */
    public static LocalTokens inDirectory(Path dir) {
        return new LocalTokens(
                LocalSecrets.readOrCreate(dir.resolve("jwt.secret"), 32).getBytes(StandardCharsets.US_ASCII));
    }

    /** A token for {@code subject} with {@code role} (participant, operator or compliance), valid {@code lifetime}. */
    public String issue(String subject, String role, Duration lifetime) {
        return issue(subject, role, lifetime, List.of());
    }

    /** As {@link #issue}, with the second factor {@code mfa} in its {@code amr} claim (step-up routes accept it). */
    public String issueSteppedUp(String subject, String role, Duration lifetime) {
        return issue(subject, role, lifetime, List.of("pwd", "mfa"));
    }

    /** DANGER: the HMAC secret itself, for the key service's own configuration (as an environment value only). */
    String secretForKeyServiceConfig() {
        return new String(secret, StandardCharsets.US_ASCII);
    }

    private String issue(String subject, String role, Duration lifetime, List<String> amr) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("role", role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
        if (!amr.isEmpty()) {
            builder.claim("amr", amr);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
        return jwt.serialize();
    }

    /** Secrets of a local run: random URL-safe text in files only the owner can read. */
    static final class LocalSecrets {

        private LocalSecrets() {}

        /** The text in {@code file}, or {@code length} fresh random characters written there first. */
        static String readOrCreate(Path file, int length) {
            try {
                if (!Files.exists(file)) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, randomText(length));
                    file.toFile().setReadable(false, false);
                    file.toFile().setReadable(true, true);
                }
                return Files.readString(file).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create " + file, e);
            }
        }

        private static String randomText(int length) {
            byte[] bytes = new byte[length];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
        }
    }
}
