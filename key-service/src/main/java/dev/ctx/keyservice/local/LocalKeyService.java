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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.KeyService;
import dev.ctx.keyservice.config.KeyServiceConfigDef;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;

/**
 * Starts a {@link KeyService} for a local run: the master KEK in {@code <dir>/kek.p12} (created on first use, its
 * password in an owner-only file beside it), HTTP on 127.0.0.1, and JWTs checked against a random HS256 secret that
 * only {@link #issueToken} knows. Never use a shared HMAC secret like this in production.
 */
public final class LocalKeyService implements AutoCloseable {

    static final String ISSUER = "ctx-local";
    static final String AUDIENCE = "ctx-key-service";
    private static final String KEK_PASSWORD_ENV = "CTX_LOCAL_KEK_PASSWORD";
    private static final String JWT_SECRET_ENV = "CTX_LOCAL_JWT_SECRET";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyService service;
    private final byte[] jwtSecret;
    private final String scheme;

    private LocalKeyService(KeyService service, byte[] jwtSecret, String scheme) {
        this.service = service;
        this.jwtSecret = jwtSecret;
        this.scheme = scheme;
    }

    /**
     * Starts the service; {@code config} must name {@code kafka.bootstrap.servers} and {@code schema.registry.url} and
     * may set any other key-service key ({@code http.port}, topic names, ...) over the local defaults.
     */
    public static LocalKeyService start(Path dir, Map<String, String> config) {
        Path keystore = dir.resolve("kek.p12");
        String password = keystorePassword(dir.resolve("kek.password"));
        if (!Files.exists(keystore)) {
            Pkcs12KeystoreKek.createWithNewKey(keystore, password.toCharArray(), "master-kek");
        }
        String jwtSecret = randomText(32);
        Map<String, String> values = new HashMap<>();
        values.put("http.host", "127.0.0.1");
        values.put("kek.provider", "pkcs12");
        values.put("kek.pkcs12.path", keystore.toString());
        values.put("kek.pkcs12.password.env", KEK_PASSWORD_ENV);
        values.put("auth.jwt.issuer", ISSUER);
        values.put("auth.jwt.audience", AUDIENCE);
        values.put("auth.jwt.hs256.secret.env", JWT_SECRET_ENV);
        values.put("lookup.state.dir", dir.resolve("lookup").toString());
        values.putAll(config);
        // secrets reach the key service as (in-process) environment values, never as plain config entries
        Map<String, String> secrets = Map.of(KEK_PASSWORD_ENV, password, JWT_SECRET_ENV, jwtSecret);
        return new LocalKeyService(
                KeyService.start(KeyServiceConfigLoader.load(values, secrets)),
                jwtSecret.getBytes(StandardCharsets.US_ASCII),
                values.containsKey(KeyServiceConfigDef.TLS_KEYSTORE_PATH_CONFIG) ? "https" : "http");
    }

    /**
     * The public key that verifies every keyring this service writes: the processor's
     * {@code keyring.signing.public.key} pin.
     */
    public Ed25519VerifyingKey keyringSigningKey() {
        return service.keyringSigningKey();
    }

    /**
     * A token for {@code subject} with {@code role} (participant, operator or compliance), valid for {@code lifetime}.
     */
    public String issueToken(String subject, String role, Duration lifetime) {
        return issue(subject, role, lifetime, List.of());
    }

    /**
     * As {@link #issueToken}, with the second factor {@code mfa} in its {@code amr} claim: accepted where step-up is
     * required (shredding, erasure, {@code access.require.mfa}).
     */
    public String issueSteppedUpToken(String subject, String role, Duration lifetime) {
        return issue(subject, role, lifetime, List.of("pwd", "mfa"));
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
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(jwtSecret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
        return jwt.serialize();
    }

    /**
     * DANGER: unseals a participant's custodial private key into this process
     * ({@link KeyService#unsealCustodialKeyInProcess}), for verification in tests only: audited with a
     * {@code KEY_OPENED} event; refuses the escrow key and keys that are not ACTIVE or RETIRED. Destroy the result.
     */
    public X25519PrivateKey unsealCustodialKeyInProcessForVerification(
            String requester, String participantId, int version) {
        return service.unsealCustodialKeyInProcess(requester, participantId, version);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:18080} ({@code https} when {@code tls.keystore.path} is set). */
    public String url() {
        return scheme + "://127.0.0.1:" + service.port();
    }

    @Override
    public void close() {
        service.close();
    }

    /** The keystore password: generated on first use, kept in a file only the owner can read. */
    private static String keystorePassword(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, randomText(24));
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** {@code length} URL-safe characters from {@link SecureRandom}. */
    private static String randomText(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}
