package dev.ctx.keyservice;

import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUDIT_DENIALS_QUEUE_CAPACITY_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_FAILURES_MAX_CLIENTS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_FAILURES_MAX_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_FAILURES_WINDOW_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_JWT_ALGORITHM_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_JWT_AUDIENCE_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_JWT_ES256_JWKS_FILE_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_JWT_HS256;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_JWT_HS256_SECRET;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.AUTH_JWT_ISSUER_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.BYOK_CHALLENGE_TTL_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ERASURE_MAX_TRANSACTIONS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.GRANTS_MAX_DURATION_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.HTTP_HOST_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.HTTP_MAX_BODY_BYTES_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.HTTP_PORT_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.KAFKA_BOOTSTRAP_SERVERS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.LIFECYCLE_REQUIRE_MFA_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.LOOKUP_APPLICATION_ID_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.LOOKUP_APPLICATION_ID_PREFIX;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.LOOKUP_STATE_DIR_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REWRAP_MAX_BODY_BYTES_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.REWRAP_MAX_ITEMS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ROTATION_CHECK_INTERVAL_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ROTATION_MAX_AGE_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.SCHEMA_REGISTRY_URL_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.SERVICE_INSTANCE_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.STORE_TIMEOUT_MS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.STORE_TRANSACTIONAL_ID_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TLS_CLIENT_AUTH_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TLS_CLIENT_AUTH_NEED;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TLS_KEYSTORE_PASSWORD_SECRET;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TLS_KEYSTORE_PATH_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TLS_TRUSTSTORE_PASSWORD_SECRET;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TLS_TRUSTSTORE_PATH_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPICS_CREATE_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_ACCESS_EVENTS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_ACCESS_GRANTS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_ENCRYPTED_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_ENVELOPES_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_ENVELOPE_COMMANDS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_ESCROW_REQUESTS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_KEY_CUSTODY_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.TOPIC_PARTICIPANT_KEYS_CONFIG;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
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
import org.apache.kafka.common.config.ConfigException;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.keyservice.api.KeyServiceComponents;
import dev.ctx.keyservice.api.KeyServiceRoutes;
import dev.ctx.keyservice.api.TlsConnector;
import dev.ctx.keyservice.api.TlsSettings;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.auditlog.AuditCheckpointNotary;
import dev.ctx.keyservice.auditlog.AuditSigningKeys;
import dev.ctx.keyservice.auth.Authenticator;
import dev.ctx.keyservice.auth.ClientCertificateAuthenticator;
import dev.ctx.keyservice.auth.FailedAuthenticationLimiter;
import dev.ctx.keyservice.auth.JwtAuthenticator;
import dev.ctx.keyservice.byok.ParticipantHeldKeys;
import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.grants.GrantTable;
import dev.ctx.keyservice.grants.GrantValidator;
import dev.ctx.keyservice.grants.Grants;
import dev.ctx.keyservice.kek.MasterKek;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.lookup.TransactionView;
import dev.ctx.keyservice.lookup.ViewSettings;
import dev.ctx.keyservice.lookup.ViewTopics;
import dev.ctx.keyservice.metrics.HttpMetrics;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantRegistry;
import dev.ctx.keyservice.participants.ParticipantStates;
import dev.ctx.keyservice.participants.UnsealingCustodialKeys;
import dev.ctx.keyservice.revocation.TransactionRevocations;
import dev.ctx.keyservice.rewrap.RewrapService;
import dev.ctx.keyservice.rewrap.RewrapSettings;
import dev.ctx.keyservice.rotation.MaxAgeRotation;
import dev.ctx.keyservice.rotation.RotationScheduler;
import dev.ctx.keyservice.signing.KeyringSigner;
import dev.ctx.keyservice.signing.SigningKeyCustody;
import dev.ctx.keyservice.store.Denials;
import dev.ctx.keyservice.store.GrantFollower;
import dev.ctx.keyservice.store.KafkaParticipantStore;
import dev.ctx.keyservice.store.StoreConfig;
import dev.ctx.keyservice.store.StoreTopics;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessGrant;
import dev.ctx.schemas.access.EscrowRequest;
import dev.ctx.schemas.keys.ParticipantKeyring;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;

/**
 * The wired service: KEK, Kafka store (replayed), registry, rotation scheduler and HTTP server. Config keys: README.
 */
public final class KeyService implements AutoCloseable {

    private final MasterKek kek;
    private final KafkaParticipantStore store;
    private final Denials denials;
    private final GrantFollower grantFollower;
    private final RotationScheduler rotation;
    private final Javalin app;
    private final KeyLifecycle keys;
    private final Ed25519VerifyingKey keyringSigningKey;
    private final AccessWiring access;
    private final TransactionView view;
    private final EscrowWiring escrow;
    private final ReplicaWiring replica;

    private KeyService(
            MasterKek kek,
            KafkaParticipantStore store,
            Denials denials,
            GrantFollower grantFollower,
            RotationScheduler rotation,
            Javalin app,
            KeyLifecycle keys,
            Ed25519VerifyingKey keyringSigningKey,
            AccessWiring access,
            TransactionView view,
            EscrowWiring escrow,
            ReplicaWiring replica) {
        this.kek = kek;
        this.store = store;
        this.denials = denials;
        this.grantFollower = grantFollower;
        this.rotation = rotation;
        this.app = app;
        this.keys = keys;
        this.keyringSigningKey = keyringSigningKey;
        this.access = access;
        this.view = view;
        this.escrow = escrow;
        this.replica = replica;
    }

    /**
     * Validates the configuration, then starts everything; fails with a {@link ConfigException} naming the bad key.
     */
    public static KeyService start(KeyServiceConfig config) {
        Clock clock = Clock.systemUTC();
        Authenticator authenticator = authenticator(config);
        Duration maxAge = config.getDuration(ROTATION_MAX_AGE_CONFIG);
        Duration interval = config.getDuration(ROTATION_CHECK_INTERVAL_CONFIG);
        int port = config.getInt(HTTP_PORT_CONFIG);
        long maxBody = config.getInt(HTTP_MAX_BODY_BYTES_CONFIG);
        FailedAuthenticationLimiter authFailures = new FailedAuthenticationLimiter(
                config.getInt(AUTH_FAILURES_MAX_CONFIG),
                config.getDuration(AUTH_FAILURES_WINDOW_CONFIG),
                config.getInt(AUTH_FAILURES_MAX_CLIENTS_CONFIG),
                clock);
        int denialQueue = config.getInt(AUDIT_DENIALS_QUEUE_CAPACITY_CONFIG);
        StoreConfig storeConfig = storeConfig(config);
        String registryUrl = config.getString(SCHEMA_REGISTRY_URL_CONFIG);
        Optional<TlsSettings> tls = tlsSettings(config);
        ViewSettings viewSettings = viewSettings(config, storeConfig, registryUrl);
        String host = config.getString(HTTP_HOST_CONFIG);
        MasterKek kek = KekProviders.open(config);
        KafkaParticipantStore store = null;
        Denials denials = null;
        GrantFollower grantFollower = null;
        Duration grantsMaxDuration = config.getDuration(GRANTS_MAX_DURATION_CONFIG);
        AccessWiring access = null;
        TransactionView view = null;
        EscrowWiring escrow = null;
        ReplicaWiring replica = null;
        try {
            store = KafkaParticipantStore.open(
                    storeConfig, serde(ParticipantKeyring.class, registryUrl), serde(AccessEvent.class, registryUrl));
            KafkaParticipantStore keyStore = store;
            HttpMetrics metrics = HttpMetrics.create();
            replica = ReplicaWiring.start(config, storeConfig, keyStore, metrics.registry());
            ReplicaWiring role = replica;
            denials =
                    Denials.start(storeConfig, serde(AccessEvent.class, registryUrl), denialQueue, metrics.registry());
            AccessEvents events = new AccessEvents("key-service/" + config.getString(SERVICE_INSTANCE_CONFIG), clock);
            KeyCustodian custodian = new KeyCustodian(kek);
            SigningKeyCustody.Opened opened = SigningKeyCustody.open(store, custodian, new SecureRandom());
            KeyringSigner signer = opened.signer();
            store.signWith(signer, opened.created());
            ParticipantStates states = ParticipantStates.load(store);
            store.signAdoptedKeyrings();
            replica.followLeader(store);
            KeyLifecycle keys = new KeyLifecycle(states, custodian, events, clock);
            MaxAgeRotation maxAgeRotation = new MaxAgeRotation(states, keys, maxAge, clock);
            GrantTable grantTable = new GrantTable();
            grantFollower = GrantFollower.start(storeConfig, serde(AccessGrant.class, registryUrl), grantTable);
            GrantFollower grantsFollowed = grantFollower;
            store.beforeTakeover(() -> grantsFollowed.awaitCaughtUp(storeConfig.timeout()));
            Grants grants = new Grants(
                    grantTable,
                    store.grantLog(serde(AccessGrant.class, registryUrl)),
                    new GrantValidator(grantsMaxDuration),
                    events,
                    clock);
            ParticipantHeldKeys participantHeld = new ParticipantHeldKeys(
                    keys, events, denials.queue(), clock, config.getDuration(BYOK_CHALLENGE_TTL_CONFIG));
            view = TransactionView.start(viewSettings);
            access = AccessWiring.start(
                    config,
                    storeConfig,
                    serde(AccessEvent.class, registryUrl),
                    view,
                    grants,
                    states,
                    new UnsealingCustodialKeys(states, keys),
                    events,
                    clock,
                    metrics.registry());
            escrow = EscrowWiring.start(
                    config,
                    storeConfig,
                    store,
                    serde(EscrowRequest.class, registryUrl),
                    view,
                    view,
                    keys,
                    access,
                    events,
                    clock,
                    metrics.registry());
            KeyServiceComponents components = new KeyServiceComponents(
                    new ParticipantRegistry(states, events, clock),
                    keys,
                    maxAgeRotation,
                    authenticator,
                    events,
                    denials.queue(),
                    authFailures,
                    metrics,
                    store::isAlive,
                    () -> role.ready(keyStore),
                    maxBody,
                    signer.verifyingKey(),
                    grants,
                    participantHeld,
                    access.service(),
                    rewrap(config, storeConfig, states, keys, view, access, events, metrics),
                    new TransactionRevocations(
                            view,
                            view,
                            store.commandLog(config.getString(TOPIC_ENVELOPE_COMMANDS_CONFIG)),
                            events,
                            clock,
                            config.getInt(ERASURE_MAX_TRANSACTIONS_CONFIG),
                            config.getBoolean(LIFECYCLE_REQUIRE_MFA_CONFIG)),
                    escrow.service(),
                    auditCheckpoints(store, custodian, access, events, clock, storeConfig));
            KeyServiceComponents routed = components.withReceiptProofs(access.receiptProofs());
            Javalin app = Javalin.create(cfg -> {
                        KeyServiceRoutes.register(cfg, routed);
                        cfg.routes.addEndpoint(new Endpoint(
                                HandlerType.GET,
                                "/health",
                                ctx -> ctx.json(role.status().health(keyStore.isAlive(), role.ready(keyStore)))));
                        cfg.jetty.host = host;
                        cfg.jetty.port = port;
                        tls.ifPresent(settings -> TlsConnector.install(cfg, settings, host, port));
                    })
                    .start();
            return new KeyService(
                    kek,
                    store,
                    denials,
                    grantFollower,
                    RotationScheduler.start(maxAgeRotation, interval, () -> !keyStore.isFollower()),
                    app,
                    keys,
                    signer.verifyingKey(),
                    access,
                    view,
                    escrow,
                    replica);
        } catch (RuntimeException e) {
            if (escrow != null) {
                escrow.close();
            }
            if (access != null) {
                access.close();
            }
            if (view != null) {
                view.close();
            }
            if (grantFollower != null) {
                grantFollower.close();
            }
            if (replica != null) {
                replica.close();
            }
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

    /** {@code POST /v1/rewrap}: the access path's cached custodial keys and group committer. */
    /** The audit signing keys (created on the first start, with its event) and the checkpoint signer. */
    private static AuditCheckpointNotary auditCheckpoints(
            KafkaParticipantStore store,
            KeyCustodian custodian,
            AccessWiring access,
            AccessEvents events,
            Clock clock,
            StoreConfig storeConfig) {
        AuditSigningKeys.Opened opened = AuditSigningKeys.open(store, custodian, new SecureRandom(), clock);
        AuditCheckpointNotary notary = new AuditCheckpointNotary(
                opened.keys(),
                access.committer(),
                events,
                clock,
                storeConfig.timeout().multipliedBy(2).plusSeconds(1));
        if (opened.created()) {
            notary.created(AuditContext.system("audit-signer"));
        }
        return notary;
    }

    private static RewrapService rewrap(
            KeyServiceConfig config,
            StoreConfig storeConfig,
            ParticipantStates states,
            KeyLifecycle keys,
            TransactionView view,
            AccessWiring access,
            AccessEvents events,
            HttpMetrics metrics) {
        RewrapSettings settings = new RewrapSettings(
                config.getInt(REWRAP_MAX_ITEMS_CONFIG),
                config.getInt(REWRAP_MAX_BODY_BYTES_CONFIG),
                storeConfig.timeout().multipliedBy(2).plusSeconds(1));
        return new RewrapService(
                states,
                view,
                access.custodialKeys(),
                keys.handOverEscrowRewrappingOnce(),
                access.committer(),
                events,
                settings,
                metrics.registry());
    }

    /**
     * HTTPS with client certificates when {@code tls.keystore.path} is set; plain HTTP otherwise (behind a TLS proxy).
     */
    private static Optional<TlsSettings> tlsSettings(KeyServiceConfig config) {
        Optional<String> keyStore = config.optionalString(TLS_KEYSTORE_PATH_CONFIG);
        if (keyStore.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsSettings(
                Path.of(keyStore.get()),
                new String(config.secret(TLS_KEYSTORE_PASSWORD_SECRET)),
                config.getPath(TLS_TRUSTSTORE_PATH_CONFIG),
                new String(config.secret(TLS_TRUSTSTORE_PASSWORD_SECRET)),
                config.getString(TLS_CLIENT_AUTH_CONFIG).equals(TLS_CLIENT_AUTH_NEED)));
    }

    private static StoreConfig storeConfig(KeyServiceConfig config) {
        Map<String, Object> client = new HashMap<>(config.kafkaClientConfig());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getString(KAFKA_BOOTSTRAP_SERVERS_CONFIG));
        StoreTopics topics = new StoreTopics(
                config.getString(TOPIC_PARTICIPANT_KEYS_CONFIG),
                config.getString(TOPIC_KEY_CUSTODY_CONFIG),
                config.getString(TOPIC_ACCESS_EVENTS_CONFIG),
                config.getString(TOPIC_ACCESS_GRANTS_CONFIG),
                config.getString(TOPIC_ESCROW_REQUESTS_CONFIG));
        return new StoreConfig(
                client,
                topics,
                config.getString(STORE_TRANSACTIONAL_ID_CONFIG),
                config.getBoolean(TOPICS_CREATE_CONFIG),
                Duration.ofMillis(config.getInt(STORE_TIMEOUT_MS_CONFIG)),
                ReplicaWiring.replica(config));
    }

    /** The lookup view: the processor's topics, a per-replica application id, the store's client settings. */
    private static ViewSettings viewSettings(KeyServiceConfig config, StoreConfig storeConfig, String registryUrl) {
        String applicationId = config.optionalString(LOOKUP_APPLICATION_ID_CONFIG)
                .orElse(LOOKUP_APPLICATION_ID_PREFIX + config.getString(SERVICE_INSTANCE_CONFIG));
        ViewTopics topics =
                new ViewTopics(config.getString(TOPIC_ENCRYPTED_CONFIG), config.getString(TOPIC_ENVELOPES_CONFIG));
        return new ViewSettings(
                applicationId,
                Path.of(config.getString(LOOKUP_STATE_DIR_CONFIG)),
                topics,
                storeConfig.clientProperties(),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl),
                storeConfig.timeout());
    }

    private static Authenticator authenticator(KeyServiceConfig config) {
        List<Authenticator> authenticators = new ArrayList<>();
        authenticators.add(new ClientCertificateAuthenticator());
        String issuer = config.getString(AUTH_JWT_ISSUER_CONFIG);
        String audience = config.getString(AUTH_JWT_AUDIENCE_CONFIG);
        authenticators.add(
                config.getString(AUTH_JWT_ALGORITHM_CONFIG).equals(AUTH_JWT_HS256)
                        ? hs256(config, issuer, audience)
                        : es256(config, issuer, audience));
        return Authenticator.firstOf(authenticators);
    }

    private static Authenticator hs256(KeyServiceConfig config, String issuer, String audience) {
        char[] secret = config.secret(AUTH_JWT_HS256_SECRET);
        byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(secret, '\0');
        if (bytes.length < 32) {
            throw new ConfigException(AUTH_JWT_HS256_SECRET + " must be at least 32 bytes");
        }
        return JwtAuthenticator.hs256(bytes, issuer, audience);
    }

    private static Authenticator es256(KeyServiceConfig config, String issuer, String audience) {
        try {
            return JwtAuthenticator.es256(
                    Files.readString(config.getPath(AUTH_JWT_ES256_JWKS_FILE_CONFIG)), issuer, audience);
        } catch (IOException | ParseException e) {
            throw new ConfigException(AUTH_JWT_ES256_JWKS_FILE_CONFIG + " is not a readable JWK set");
        }
    }

    private static <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type, String registryUrl) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serde;
    }

    /**
     * DANGER: unseals a participant's custodial private key into this process, for verification in tests and
     * operator tooling only (the HTTP API never hands private keys out; the demo reads through the access API).
     * Audited: a {@code KEY_OPENED} event naming {@code requester} is committed before the key is returned. Refuses the
     * escrow key and keys that are not ACTIVE or RETIRED. Never log the result or let it leave the process; destroy it
     * after use.
     *
     * @param requester who asks, e.g. {@code system:test}; recorded in the event
     */
    public X25519PrivateKey unsealCustodialKeyInProcess(String requester, String participantId, int version) {
        return keys.openCustodialKeyAudited(
                new AuditContext(requester, null, null), ParticipantId.parse(participantId), version);
    }

    /** The public key that verifies every keyring this service writes; processors pin it. */
    public Ed25519VerifyingKey keyringSigningKey() {
        return keyringSigningKey;
    }

    /** Encrypted transactions and their newest envelopes by id (the Streams-built view; 503 while unavailable). */
    public TransactionLookup lookup() {
        return view;
    }

    /** The HTTP port (useful with {@code http.port=0}). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        replica.close(); // resigns first: another replica takes over while this one shuts down
        rotation.close();
        escrow.close();
        app.stop();
        if (access != null) {
            access.close();
        }
        view.close();
        grantFollower.close();
        denials.close();
        store.close();
        kek.close();
    }
}
