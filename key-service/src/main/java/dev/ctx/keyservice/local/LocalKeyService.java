package dev.ctx.keyservice.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.KeyService;
import dev.ctx.keyservice.config.KeyServiceConfigDef;
import dev.ctx.keyservice.config.KeyServiceConfigLoader;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;

/**
 * Starts a {@link KeyService} for a local run: the master KEK in {@code <dir>/kek.p12} (created on first use, its
 * password in an owner-only file beside it), HTTP on 127.0.0.1, and JWTs checked against the HS256 secret of
 * {@link LocalTokens} in the same directory. Never use a shared HMAC secret like this in production.
 */
public final class LocalKeyService implements AutoCloseable {

    private static final String KEK_PASSWORD_ENV = "CTX_LOCAL_KEK_PASSWORD";
    private static final String JWT_SECRET_ENV = "CTX_LOCAL_JWT_SECRET";

    private final KeyService service;
    private final LocalTokens tokens;
    private final String scheme;

    private LocalKeyService(KeyService service, LocalTokens tokens, String scheme) {
        this.service = service;
        this.tokens = tokens;
        this.scheme = scheme;
    }

    /**
     * Starts the service; {@code config} must name {@code kafka.bootstrap.servers} and {@code schema.registry.url} and
     * may set any other key-service key ({@code http.port}, topic names, ...) over the local defaults. Restarted on the
     * same {@code dir}, it opens the same KEK and accepts the tokens issued before.
     */
    public static LocalKeyService start(Path dir, Map<String, String> config) {
        Path keystore = dir.resolve("kek.p12");
        String password = LocalTokens.LocalSecrets.readOrCreate(dir.resolve("kek.password"), 24);
        if (!Files.exists(keystore)) {
            Pkcs12KeystoreKek.createWithNewKey(keystore, password.toCharArray(), "master-kek");
        }
        LocalTokens tokens = LocalTokens.inDirectory(dir);
        Map<String, String> values = new HashMap<>();
        values.put("http.host", "127.0.0.1");
        values.put("kek.provider", "pkcs12");
        values.put("kek.pkcs12.path", keystore.toString());
        values.put("kek.pkcs12.password.env", KEK_PASSWORD_ENV);
        values.put("auth.jwt.issuer", LocalTokens.ISSUER);
        values.put("auth.jwt.audience", LocalTokens.AUDIENCE);
        values.put("auth.jwt.hs256.secret.env", JWT_SECRET_ENV);
        values.put("lookup.state.dir", dir.resolve("lookup").toString());
        values.putAll(config);
        // secrets reach the key service as (in-process) environment values, never as plain config entries
        Map<String, String> secrets =
                Map.of(KEK_PASSWORD_ENV, password, JWT_SECRET_ENV, tokens.secretForKeyServiceConfig());
        return new LocalKeyService(
                KeyService.start(KeyServiceConfigLoader.load(values, secrets)),
                tokens,
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
        return tokens.issue(subject, role, lifetime);
    }

    /**
     * As {@link #issueToken}, with the second factor {@code mfa} in its {@code amr} claim: accepted where step-up is
     * required (shredding, erasure, {@code access.require.mfa}).
     */
    public String issueSteppedUpToken(String subject, String role, Duration lifetime) {
        return tokens.issueSteppedUp(subject, role, lifetime);
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
}
