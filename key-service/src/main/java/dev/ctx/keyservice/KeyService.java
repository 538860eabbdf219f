package dev.ctx.keyservice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;

import io.javalin.Javalin;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.api.KeyServiceComponents;
import dev.ctx.keyservice.api.KeyServiceRoutes;
import dev.ctx.keyservice.api.TlsConnector;
import dev.ctx.keyservice.api.TlsSettings;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.config.ConfigException;
import dev.ctx.keyservice.config.ConfigSource;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.kek.MasterKek;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.registry.KeyLifecycle;
import dev.ctx.keyservice.registry.ParticipantId;
import dev.ctx.keyservice.registry.ParticipantRegistry;
import dev.ctx.keyservice.registry.ParticipantStates;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.rotation.RotationScheduler;
import dev.ctx.keyservice.store.Denials;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.keyservice.signing.SigningKeyCustody;
import dev.ctx.keyservice.store.KafkaRegistryStore;
import dev.ctx.keyservice.store.StoreConfig;
import dev.ctx.keyservice.store.StoreTopics;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;

/** The wired service: KEK, Kafka store (replayed), registry, rotation scheduler and HTTP server. Config keys: README. */
public final class KeyService implements AutoCloseable {

    private final MasterKek kek;
    private final KafkaRegistryStore store;
    private final Denials denials;
    private final RotationScheduler rotation;
    private final Javalin app;
    private final KeyLifecycle keys;
    private final Ed25519VerifyingKey keyringSigningKey;

    private KeyService(MasterKek kek, KafkaRegistryStore store, Denials denials, RotationScheduler rotation, Javalin app,
            KeyLifecycle keys, Ed25519VerifyingKey keyringSigningKey) {
        this.kek = kek;
        this.store = store;
        this.denials = denials;
        this.rotation = rotation;
        this.app = app;
        this.keys = keys;
        this.keyringSigningKey = keyringSigningKey;
    }

    /**
     * Validates the configuration, then starts everything; fails with a {@link ConfigException} naming the bad key.
     */
    public static KeyService start(ConfigSource config) {
        Clock clock = Clock.systemUTC();
        Authenticator authenticator = authenticator(config);
        Duration maxAge = config.duration("rotation.max-age", Duration.ofDays(90));
        Duration interval = config.duration("rotation.check-interval", Duration.ofHours(1));
        int port = config.integer("http.port", 8080, 0, 65535);
        long maxBody = config.integer("http.max-body-bytes", 16 * 1024, 256, 1024 * 1024);
        FailedAuthenticationLimiter authFailures = new FailedAuthenticationLimiter(config.integer("auth.failures.max", 20, 1, 1_000_000),
                config.duration("auth.failures.window", Duration.ofMinutes(1)), config.integer("auth.failures.max-clients", 10_000, 1, 1_000_000),
                clock);
        int denialQueue = config.integer("audit.denials.queue-capacity", 10_000, 1, 1_000_000);
        StoreConfig storeConfig = storeConfig(config);
        String registryUrl = config.required("schema.registry.url");
        Optional<TlsSettings> tls = tlsSettings(config);
        String host = config.string("http.host", "127.0.0.1");
        MasterKek kek = KekProviders.open(config);
        KafkaRegistryStore store = null;
        Denials denials = null;
        try {
            store = KafkaRegistryStore.open(storeConfig, serde(ParticipantKeyring.class, registryUrl), serde(AccessEvent.class, registryUrl));
            HttpMetrics metrics = HttpMetrics.create();
            denials = Denials.start(storeConfig, serde(AccessEvent.class, registryUrl), denialQueue, metrics.registry());
            AccessEvents events = new AccessEvents("key-service/" + config.string("service.instance", "key-service-0"), clock);
            KeyCustodian custodian = new KeyCustodian(kek);
            SigningKeyCustody.Opened opened = SigningKeyCustody.open(store, custodian, new SecureRandom());
            KeyringSigner signer = opened.signer();
            store.signWith(signer, opened.created());
            ParticipantStates states = ParticipantStates.load(store);
            store.signAdoptedKeyrings();
            KeyLifecycle keys = new KeyLifecycle(states, custodian, events, clock);
            MaxAgeRotation maxAgeRotation = new MaxAgeRotation(states, keys, maxAge, clock);
            KeyServiceComponents components = new KeyServiceComponents(new ParticipantRegistry(states, events, clock), keys, maxAgeRotation,
                    authenticator, events, denials.queue(), authFailures, metrics, store::isAlive,
                    store::isReady, maxBody, signer.verifyingKey());
            Javalin app = Javalin.create(cfg -> {
                KeyServiceRoutes.register(cfg, components);
                cfg.jetty.host = host;
                cfg.jetty.port = port;
                tls.ifPresent(settings -> TlsConnector.install(cfg, settings, host, port));
            }).start();
            return new KeyService(kek, store, denials, RotationScheduler.start(maxAgeRotation, interval), app, keys,
                    signer.verifyingKey());
        } catch (RuntimeException e) {
            if (denials != null) {
                denials.close();
            }
            if (store != null) {
                store.close();
            }
            kek.close();
            throw e;
        }
    }

    /** HTTPS with client certificates when {@code tls.keystore.path} is set; plain HTTP otherwise (behind a TLS proxy). */
    private static Optional<TlsSettings> tlsSettings(ConfigSource config) {
        Optional<String> keyStore = config.optional("tls.keystore.path");
        if (keyStore.isEmpty()) {
            return Optional.empty();
        }
        String clientAuth = config.string("tls.client-auth", "need");
        if (!clientAuth.equals("need") && !clientAuth.equals("want")) {
            throw new ConfigException("tls.client-auth must be need or want");
        }
        return Optional.of(new TlsSettings(Path.of(keyStore.get()), new String(config.secret("tls.keystore.password")),
                Path.of(config.required("tls.truststore.path")), new String(config.secret("tls.truststore.password")),
                clientAuth.equals("need")));
    }

    private static StoreConfig storeConfig(ConfigSource config) {
        Map<String, Object> client = new HashMap<>(config.withPrefix("kafka."));
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.required("kafka.bootstrap.servers"));
        StoreTopics defaults = StoreTopics.defaults();
        StoreTopics topics = new StoreTopics(config.string("topics.participant-keys", defaults.participantKeys()),
                config.string("topics.key-custody", defaults.keyCustody()), config.string("topics.access-events", defaults.accessEvents()));
        return new StoreConfig(client, topics, config.string("store.transactional.id", "ctx-key-service"), config.bool("topics.create", true),
                Duration.ofMillis(config.integer("store.timeout.ms", 30_000, 1_000, 600_000)));
    }

    private static Authenticator authenticator(ConfigSource config) {
        List<Authenticator> authenticators = new ArrayList<>();
        authenticators.add(new dev.ctx.keyservice.auth.ClientCertificateAuthenticator());
        String issuer = config.required("auth.jwt.issuer");
        String audience = config.required("auth.jwt.audience");
        String algorithm = config.string("auth.jwt.algorithm", "HS256");
        authenticators.add(switch (algorithm) {
            case "HS256" -> hs256(config, issuer, audience);
            case "ES256" -> es256(config, issuer, audience);
            default -> throw new ConfigException("auth.jwt.algorithm must be HS256 or ES256");
        });
        return Authenticator.firstOf(authenticators);
    }

    private static Authenticator hs256(ConfigSource config, String issuer, String audience) {
        char[] secret = config.secret("auth.jwt.hs256.secret");
        byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(secret, '\0');
        if (bytes.length < 32) {
            throw new ConfigException("auth.jwt.hs256.secret must be at least 32 bytes");
        }
        return JwtAuthenticator.hs256(bytes, issuer, audience);
    }

    private static Authenticator es256(ConfigSource config, String issuer, String audience) {
        try {
            return JwtAuthenticator.es256(Files.readString(Path.of(config.required("auth.jwt.es256.jwks.file"))), issuer, audience);
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new ConfigException("auth.jwt.es256.jwks.file is not a readable JWK set");
        }
    }

    private static <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type, String registryUrl) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serde;
    }

    /**
     * DANGER: unseals a participant's custodial private key into this process (the demo opens one sample with it; the
     * HTTP API never hands private keys out). Audited: a {@code KEY_OPENED} event naming {@code requester} is committed
     * before the key is returned. Refuses the escrow key and keys that are not ACTIVE or RETIRED. Never log the result or
     * let it leave the process; destroy it after use.
     *
     * @param requester who asks, e.g. {@code system:demo}; recorded in the event
     */
    public X25519PrivateKey unsealCustodialKeyInProcess(String requester, String participantId, int version) {
        return keys.openCustodialKeyAudited(new AuditContext(requester, null, null), ParticipantId.parse(participantId), version);
    }

    /** The public key that verifies every keyring this service writes; processors pin it. */
    public Ed25519VerifyingKey keyringSigningKey() {
        return keyringSigningKey;
    }

    /** The HTTP port (useful with {@code http.port=0}). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        rotation.close();
        app.stop();
        denials.close();
        store.close();
        kek.close();
    }
}
