package dev.ctx.keyservice.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.NonEmptyStringWithoutControlChars;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

import dev.ctx.keyservice.access.AccessLevels;
import dev.ctx.schemas.commands.EnvelopeCommandSerde;

/**
 * The key service's keys: name, type, default, validator and doc. One style: lower case, words separated by dots,
 * as in the processor and Kafka. A secret {@code S} is two keys, {@code S.env} and {@code S.file}.
 */
public final class KeyServiceConfigDef {

    public static final String KAFKA_BOOTSTRAP_SERVERS_CONFIG = "kafka.bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";

    public static final String TOPIC_PARTICIPANT_KEYS_CONFIG = "topic.participant.keys";
    public static final String TOPIC_KEY_CUSTODY_CONFIG = "topic.key.custody";
    public static final String TOPIC_ACCESS_EVENTS_CONFIG = "topic.access.events";
    public static final String TOPIC_ACCESS_GRANTS_CONFIG = "topic.access.grants";
    public static final String GRANTS_MAX_DURATION_CONFIG = "grants.max.duration";
    public static final String TOPIC_ESCROW_REQUESTS_CONFIG = "topic.escrow.requests";
    public static final String ESCROW_MAX_OPENS_CONFIG = "escrow.max.opens";
    public static final String ESCROW_MAX_DURATION_CONFIG = "escrow.max.duration";
    public static final String ESCROW_EXPIRY_CHECK_INTERVAL_CONFIG = "escrow.expiry.check.interval";
    public static final String TOPICS_CREATE_CONFIG = "topics.create";
    public static final String STORE_TRANSACTIONAL_ID_CONFIG = "store.transactional.id";
    public static final String STORE_TIMEOUT_MS_CONFIG = "store.timeout.ms";

    public static final String REPLICATION_ENABLED_CONFIG = "replication.enabled";
    public static final String REPLICATION_GROUP_ID_CONFIG = "replication.group.id";
    /** The default {@code replication.group.id}: {@code store.transactional.id} and this suffix. */
    public static final String REPLICATION_GROUP_ID_SUFFIX = "-leader";

    public static final String REPLICATION_TOPIC_CONFIG = "replication.topic";
    public static final String REPLICATION_SESSION_TIMEOUT_MS_CONFIG = "replication.session.timeout.ms";
    public static final String REPLICATION_REFRESH_INTERVAL_MS_CONFIG = "replication.refresh.interval.ms";

    public static final String KEK_PROVIDER_CONFIG = "kek.provider";
    public static final String KEK_PROVIDER_PKCS12 = "pkcs12";
    public static final String KEK_PROVIDER_PKCS11 = "pkcs11";
    public static final String KEK_ALIAS_CONFIG = "kek.alias";
    public static final String KEK_PKCS12_PATH_CONFIG = "kek.pkcs12.path";
    /** A secret: {@code kek.pkcs12.password.env} or {@code .file}. */
    public static final String KEK_PKCS12_PASSWORD_SECRET = "kek.pkcs12.password";

    public static final String KEK_PKCS11_CONFIG_CONFIG = "kek.pkcs11.config";
    /** A secret: {@code kek.pkcs11.pin.env} or {@code .file}. */
    public static final String KEK_PKCS11_PIN_SECRET = "kek.pkcs11.pin";

    public static final String HTTP_HOST_CONFIG = "http.host";
    public static final String HTTP_PORT_CONFIG = "http.port";
    public static final String HTTP_MAX_BODY_BYTES_CONFIG = "http.max.body.bytes";

    public static final String TLS_KEYSTORE_PATH_CONFIG = "tls.keystore.path";
    /** A secret: {@code tls.keystore.password.env} or {@code .file}. */
    public static final String TLS_KEYSTORE_PASSWORD_SECRET = "tls.keystore.password";

    public static final String TLS_TRUSTSTORE_PATH_CONFIG = "tls.truststore.path";
    /** A secret: {@code tls.truststore.password.env} or {@code .file}. */
    public static final String TLS_TRUSTSTORE_PASSWORD_SECRET = "tls.truststore.password";

    public static final String TLS_CLIENT_AUTH_CONFIG = "tls.client.auth";
    public static final String TLS_CLIENT_AUTH_NEED = "need";
    public static final String TLS_CLIENT_AUTH_WANT = "want";

    public static final String AUTH_JWT_ISSUER_CONFIG = "auth.jwt.issuer";
    public static final String AUTH_JWT_AUDIENCE_CONFIG = "auth.jwt.audience";
    public static final String AUTH_JWT_ALGORITHM_CONFIG = "auth.jwt.algorithm";
    public static final String AUTH_JWT_HS256 = "HS256";
    public static final String AUTH_JWT_ES256 = "ES256";
    /** A secret: {@code auth.jwt.hs256.secret.env} or {@code .file}. */
    public static final String AUTH_JWT_HS256_SECRET = "auth.jwt.hs256.secret";

    public static final String AUTH_JWT_ES256_JWKS_FILE_CONFIG = "auth.jwt.es256.jwks.file";
    public static final String AUTH_FAILURES_MAX_CONFIG = "auth.failures.max";
    public static final String AUTH_FAILURES_WINDOW_CONFIG = "auth.failures.window";
    public static final String AUTH_FAILURES_MAX_CLIENTS_CONFIG = "auth.failures.max.clients";

    public static final String AUDIT_DENIALS_QUEUE_CAPACITY_CONFIG = "audit.denials.queue.capacity";

    public static final String ACCESS_LEVELS_CONFIG = "access.levels";
    public static final String ACCESS_REQUIRE_MFA_CONFIG = "access.require.mfa";
    public static final String ACCESS_COMMIT_LINGER_MS_CONFIG = "access.commit.linger.ms";
    public static final String ACCESS_COMMIT_MAX_EVENTS_CONFIG = "access.commit.max.events";
    public static final String ACCESS_COMMIT_QUEUE_CAPACITY_CONFIG = "access.commit.queue.capacity";
    public static final String ROTATION_MAX_AGE_CONFIG = "rotation.max.age";
    public static final String ROTATION_CHECK_INTERVAL_CONFIG = "rotation.check.interval";
    public static final String SERVICE_INSTANCE_CONFIG = "service.instance";
    public static final String CUSTODY_CACHE_MAX_KEYS_CONFIG = "custody.cache.max.keys";
    public static final String CUSTODY_CACHE_TTL_CONFIG = "custody.cache.ttl";
    public static final String BYOK_CHALLENGE_TTL_CONFIG = "byok.challenge.ttl";
    public static final String REWRAP_MAX_ITEMS_CONFIG = "rewrap.max.items";
    public static final String REWRAP_MAX_BODY_BYTES_CONFIG = "rewrap.max.body.bytes";

    public static final String TOPIC_ENCRYPTED_CONFIG = "topic.encrypted";
    public static final String TOPIC_ENVELOPES_CONFIG = "topic.envelopes";
    public static final String LOOKUP_APPLICATION_ID_CONFIG = "lookup.application.id";
    /** The default {@code lookup.application.id}: this prefix and {@code service.instance}. */
    public static final String LOOKUP_APPLICATION_ID_PREFIX = "ctx-key-service-lookup-";

    public static final String LOOKUP_STATE_DIR_CONFIG = "lookup.state.dir";

    public static final String TOPIC_ENVELOPE_COMMANDS_CONFIG = "topic.envelope.commands";
    public static final String LIFECYCLE_REQUIRE_MFA_CONFIG = "lifecycle.require.mfa";
    public static final String ERASURE_MAX_TRANSACTIONS_CONFIG = "erasure.max.transactions";

    private static final int MILLION = 1_000_000;

    private KeyServiceConfigDef() {}

    static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        defineStore(def);
        defineKek(def);
        defineHttp(def);
        defineAuth(def);
        defineAccess(def);
        defineKeyUse(def);
        defineLookup(def);
        defineRewrap(def);
        defineRevocation(def);
        defineReplication(def);
        def.define(
                        AUDIT_DENIALS_QUEUE_CAPACITY_CONFIG,
                        Type.INT,
                        10_000,
                        Range.between(1, MILLION),
                        Importance.LOW,
                        "Denial events (401/403) queued for writing at most; more are dropped and counted.")
                .define(
                        ROTATION_MAX_AGE_CONFIG,
                        Type.STRING,
                        "P90D",
                        new PositiveDurationValidator(),
                        Importance.HIGH,
                        "Current keys at least this old are rotated (ISO-8601 duration).")
                .define(
                        ROTATION_CHECK_INTERVAL_CONFIG,
                        Type.STRING,
                        "PT1H",
                        new PositiveDurationValidator(),
                        Importance.LOW,
                        "How often the max-age policy runs (ISO-8601 duration).")
                .define(
                        GRANTS_MAX_DURATION_CONFIG,
                        Type.STRING,
                        "P90D",
                        new PositiveDurationValidator(),
                        Importance.MEDIUM,
                        "Longest validity window (notAfter - notBefore) of a grant (ISO-8601).")
                .define(
                        ESCROW_MAX_OPENS_CONFIG,
                        Type.INT,
                        1,
                        Range.between(1, 100),
                        Importance.HIGH,
                        "How many times an approved escrow request may be opened (fixed on the request when filed).")
                .define(
                        ESCROW_MAX_DURATION_CONFIG,
                        Type.STRING,
                        "P30D",
                        new PositiveDurationValidator(),
                        Importance.MEDIUM,
                        "Longest an escrow request may live from filing to expiry (ISO-8601).")
                .define(
                        ESCROW_EXPIRY_CHECK_INTERVAL_CONFIG,
                        Type.STRING,
                        "PT1M",
                        new PositiveDurationValidator(),
                        Importance.LOW,
                        "How often escrow requests past their expiry are marked EXPIRED (ISO-8601).")
                .define(
                        SERVICE_INSTANCE_CONFIG,
                        Type.STRING,
                        "key-service-0",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM,
                        "Written as the source of emitted access events (key-service/<instance>).");
        return def;
    }

    private static void defineKeyUse(ConfigDef def) {
        def.define(
                        CUSTODY_CACHE_MAX_KEYS_CONFIG,
                        Type.INT,
                        1000,
                        Range.between(0, MILLION),
                        Importance.MEDIUM,
                        "Unsealed custodial keys kept in memory at most; 0 turns the cache off (unseal on every use).")
                .define(
                        CUSTODY_CACHE_TTL_CONFIG,
                        Type.STRING,
                        "PT5M",
                        new PositiveDurationValidator(),
                        Importance.MEDIUM,
                        "A cached unsealed key is destroyed at most this long after unsealing.")
                .define(
                        BYOK_CHALLENGE_TTL_CONFIG,
                        Type.STRING,
                        "PT5M",
                        new PositiveDurationValidator(),
                        Importance.LOW,
                        "How long a BYOK proof-of-possession challenge can be answered.");
    }

    private static void defineStore(ConfigDef def) {
        def.define(
                        KAFKA_BOOTSTRAP_SERVERS_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new NonEmptyString(),
                        Importance.HIGH,
                        "Kafka bootstrap servers, host:port[,host:port...].")
                .define(
                        SCHEMA_REGISTRY_URL_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new NonEmptyString(),
                        Importance.HIGH,
                        "Confluent-compatible schema registry: http(s)://..., or mock://scope in-process.")
                .define(
                        TOPIC_PARTICIPANT_KEYS_CONFIG,
                        Type.STRING,
                        "participant-keys",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Public keyrings (compacted).")
                .define(
                        TOPIC_KEY_CUSTODY_CONFIG,
                        Type.STRING,
                        "key-custody",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Sealed custodial keys (compacted, bounded compaction lag).")
                .define(
                        TOPIC_ACCESS_EVENTS_CONFIG,
                        Type.STRING,
                        "access-log.events",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Access events (delete).")
                .define(
                        TOPIC_ACCESS_GRANTS_CONFIG,
                        Type.STRING,
                        "access-grants",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Access grants (compacted).")
                .define(
                        TOPIC_ESCROW_REQUESTS_CONFIG,
                        Type.STRING,
                        "escrow-requests",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Audit-escrow requests (compacted).")
                .define(
                        TOPICS_CREATE_CONFIG,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Create missing topics at startup; when false, startup fails naming the missing topics.")
                .define(
                        STORE_TRANSACTIONAL_ID_CONFIG,
                        Type.STRING,
                        "ctx-key-service",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM,
                        "Transactional id of the store's producer: one live writer per id.")
                .define(
                        STORE_TIMEOUT_MS_CONFIG,
                        Type.INT,
                        30_000,
                        Range.between(1_000, 600_000),
                        Importance.LOW,
                        "How long a write may wait for the broker before 503 and self-recovery.");
    }

    private static void defineReplication(ConfigDef def) {
        def.define(
                        REPLICATION_ENABLED_CONFIG,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "Run as one of several replicas: one leader (elected in a consumer group) writes, the others"
                                + " answer reads and access requests and refuse lifecycle writes (503 not-leader).")
                .define(
                        REPLICATION_GROUP_ID_CONFIG,
                        Type.STRING,
                        null,
                        Importance.LOW,
                        "Consumer group of the leader election; unset: <store.transactional.id>"
                                + REPLICATION_GROUP_ID_SUFFIX + ".")
                .define(
                        REPLICATION_TOPIC_CONFIG,
                        Type.STRING,
                        "key-service.leader",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "One-partition topic of the leader election (no records); whoever is assigned it leads.")
                .define(
                        REPLICATION_SESSION_TIMEOUT_MS_CONFIG,
                        Type.INT,
                        10_000,
                        Range.between(6_000, 300_000),
                        Importance.MEDIUM,
                        "Election session timeout: a leader that stops heartbeating is replaced after about this long.")
                .define(
                        REPLICATION_REFRESH_INTERVAL_MS_CONFIG,
                        Type.INT,
                        1_000,
                        Range.between(100, 60_000),
                        Importance.LOW,
                        "How often a follower checks the key topics for the leader's changes and replays them.");
    }

    private static void defineKek(ConfigDef def) {
        def.define(
                        KEK_PROVIDER_CONFIG,
                        Type.STRING,
                        KEK_PROVIDER_PKCS12,
                        ValidString.in(KEK_PROVIDER_PKCS12, KEK_PROVIDER_PKCS11),
                        Importance.HIGH,
                        "Where the master KEK lives: a PKCS#12 keystore or a PKCS#11 token.")
                .define(
                        KEK_ALIAS_CONFIG,
                        Type.STRING,
                        "master-kek",
                        new NonEmptyString(),
                        Importance.MEDIUM,
                        "Keystore alias or token key label of the master KEK.")
                .define(
                        KEK_PKCS12_PATH_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "The PKCS#12 keystore file (kek.provider=pkcs12).")
                .define(
                        KEK_PKCS11_CONFIG_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "The SunPKCS11 config file (kek.provider=pkcs11).");
        defineSecret(def, KEK_PKCS12_PASSWORD_SECRET, "the PKCS#12 keystore password");
        defineSecret(def, KEK_PKCS11_PIN_SECRET, "the token's user PIN");
    }

    private static void defineHttp(ConfigDef def) {
        def.define(
                        HTTP_HOST_CONFIG,
                        Type.STRING,
                        "127.0.0.1",
                        new NonEmptyString(),
                        Importance.MEDIUM,
                        "Address the HTTP(S) listener binds to.")
                .define(
                        HTTP_PORT_CONFIG,
                        Type.INT,
                        8080,
                        Range.between(0, 65_535),
                        Importance.MEDIUM,
                        "Port of the listener; 0 picks a free port.")
                .define(
                        HTTP_MAX_BODY_BYTES_CONFIG,
                        Type.INT,
                        16 * 1024,
                        Range.between(256, 1024 * 1024),
                        Importance.LOW,
                        "Larger request bodies get 400 request-too-large.")
                .define(
                        TLS_KEYSTORE_PATH_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "PKCS#12 server key and certificate; when set the listener is HTTPS only.")
                .define(
                        TLS_TRUSTSTORE_PATH_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "PKCS#12 with the CAs client certificates must chain to (with tls.keystore.path).")
                .define(
                        TLS_CLIENT_AUTH_CONFIG,
                        Type.STRING,
                        TLS_CLIENT_AUTH_NEED,
                        ValidString.in(TLS_CLIENT_AUTH_NEED, TLS_CLIENT_AUTH_WANT),
                        Importance.MEDIUM,
                        "need: no client certificate, no connection; want: JWT-only callers may connect.");
        defineSecret(def, TLS_KEYSTORE_PASSWORD_SECRET, "the server keystore password");
        defineSecret(def, TLS_TRUSTSTORE_PASSWORD_SECRET, "the trust store password");
    }

    private static void defineAuth(ConfigDef def) {
        def.define(
                        AUTH_JWT_ISSUER_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new NonEmptyString(),
                        Importance.HIGH,
                        "Expected iss of bearer JWTs.")
                .define(
                        AUTH_JWT_AUDIENCE_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new NonEmptyString(),
                        Importance.HIGH,
                        "Expected aud of bearer JWTs.")
                .define(
                        AUTH_JWT_ALGORITHM_CONFIG,
                        Type.STRING,
                        AUTH_JWT_HS256,
                        ValidString.in(AUTH_JWT_HS256, AUTH_JWT_ES256),
                        Importance.HIGH,
                        "HS256 (shared secret) or ES256 (the issuer's public JWK set).")
                .define(
                        AUTH_JWT_ES256_JWKS_FILE_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "The issuer's public JWK set (auth.jwt.algorithm=ES256).")
                .define(
                        AUTH_FAILURES_MAX_CONFIG,
                        Type.INT,
                        20,
                        Range.between(1, MILLION),
                        Importance.MEDIUM,
                        "Failed authentications per client address and window before 429.")
                .define(
                        AUTH_FAILURES_WINDOW_CONFIG,
                        Type.STRING,
                        "PT1M",
                        new PositiveDurationValidator(),
                        Importance.MEDIUM,
                        "Failure-counting window (ISO-8601 duration).")
                .define(
                        AUTH_FAILURES_MAX_CLIENTS_CONFIG,
                        Type.INT,
                        10_000,
                        Range.between(1, MILLION),
                        Importance.LOW,
                        "Client addresses tracked at most (bounds the table's memory).");
        defineSecret(def, AUTH_JWT_HS256_SECRET, "the HS256 shared secret, at least 32 bytes");
    }

    private static void defineAccess(ConfigDef def) {
        def.define(
                        ACCESS_LEVELS_CONFIG,
                        Type.STRING,
                        AccessLevels.DEFAULT,
                        new AccessLevelsValidator(),
                        Importance.HIGH,
                        "Purpose to the confidential fields an access request for it may release.")
                .define(
                        ACCESS_REQUIRE_MFA_CONFIG,
                        Type.BOOLEAN,
                        false,
                        Importance.HIGH,
                        "Access requests need a JWT amr of mfa, otp or hwk, or a client certificate (else 401).")
                .define(
                        ACCESS_COMMIT_LINGER_MS_CONFIG,
                        Type.INT,
                        2,
                        Range.between(0, 1_000),
                        Importance.LOW,
                        "How long the first access event of a group commit waits for others.")
                .define(
                        ACCESS_COMMIT_MAX_EVENTS_CONFIG,
                        Type.INT,
                        500,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        "Access events per Kafka transaction at most.")
                .define(
                        ACCESS_COMMIT_QUEUE_CAPACITY_CONFIG,
                        Type.INT,
                        10_000,
                        Range.between(1, MILLION),
                        Importance.LOW,
                        "Access events waiting to commit at most; beyond it requests get 503.");
    }

    private static void defineRewrap(ConfigDef def) {
        def.define(
                        REWRAP_MAX_ITEMS_CONFIG,
                        Type.INT,
                        500,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        "Items per POST /v1/rewrap batch at most; more get 413.")
                .define(
                        REWRAP_MAX_BODY_BYTES_CONFIG,
                        Type.INT,
                        256 * 1024,
                        Range.between(1024, 16 * 1024 * 1024),
                        Importance.LOW,
                        "Request body of POST /v1/rewrap at most (larger: 400 request-too-large); other routes keep "
                                + "http.max.body.bytes.");
    }

    private static void defineRevocation(ConfigDef def) {
        def.define(
                        TOPIC_ENVELOPE_COMMANDS_CONFIG,
                        Type.STRING,
                        EnvelopeCommandSerde.DEFAULT_TOPIC,
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Revocation and shredding commands for the processor's rewrap topology (the processor's "
                                + "topic.envelope.commands; co-partitioned with topic.envelopes).")
                .define(
                        LIFECYCLE_REQUIRE_MFA_CONFIG,
                        Type.BOOLEAN,
                        false,
                        Importance.HIGH,
                        "Revoking a participant's access to a transaction needs a JWT amr of mfa, otp or hwk, or a "
                                + "client certificate (else 401); shredding and erasure always do.")
                .define(
                        ERASURE_MAX_TRANSACTIONS_CONFIG,
                        Type.INT,
                        10_000,
                        Range.between(1, 1_000_000),
                        Importance.LOW,
                        "Transactions one erasure request (POST /v1/participants/{id}/erasure) shreds at most; more: "
                                + "409, nothing shredded.");
    }

    private static void defineLookup(ConfigDef def) {
        def.define(
                        TOPIC_ENCRYPTED_CONFIG,
                        Type.STRING,
                        "transactions.encrypted",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Encrypted transactions the lookup view reads (the processor's topic.encrypted).")
                .define(
                        TOPIC_ENVELOPES_CONFIG,
                        Type.STRING,
                        "transactions.envelopes",
                        new NonEmptyStringWithoutControlChars(),
                        Importance.LOW,
                        "Envelopes the lookup view reads (the processor's topic.envelopes; compact).")
                .define(
                        LOOKUP_APPLICATION_ID_CONFIG,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "Streams application id of the lookup view, unique per replica; unset: "
                                + LOOKUP_APPLICATION_ID_PREFIX + "<service.instance>.")
                .define(
                        LOOKUP_STATE_DIR_CONFIG,
                        Type.STRING,
                        "target/ctx-key-service-lookup",
                        new NonEmptyString(),
                        Importance.MEDIUM,
                        "Directory of the lookup view's RocksDB store (rebuilt when lost).");
    }

    private static void defineSecret(ConfigDef def, String secret, String what) {
        def.define(
                        secret + KeyServiceConfig.SECRET_ENV_SUFFIX,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "Name of the environment variable holding " + what + ".")
                .define(
                        secret + KeyServiceConfig.SECRET_FILE_SUFFIX,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "File holding " + what + " (used when " + secret + ".env is not set).");
    }

    /** The keys one setting makes necessary; checked when the configuration is built, before anything starts. */
    static void validateDependencies(KeyServiceConfig config) {
        String provider = config.getString(KEK_PROVIDER_CONFIG);
        if (provider.equals(KEK_PROVIDER_PKCS12)) {
            require(config, KEK_PKCS12_PATH_CONFIG, " (kek.provider=pkcs12)");
            requireSecret(config, KEK_PKCS12_PASSWORD_SECRET, " (kek.provider=pkcs12)");
        } else {
            require(config, KEK_PKCS11_CONFIG_CONFIG, " (kek.provider=pkcs11)");
            requireSecret(config, KEK_PKCS11_PIN_SECRET, " (kek.provider=pkcs11)");
        }
        if (config.optionalString(TLS_KEYSTORE_PATH_CONFIG).isPresent()) {
            requireSecret(config, TLS_KEYSTORE_PASSWORD_SECRET, " (with tls.keystore.path)");
            require(config, TLS_TRUSTSTORE_PATH_CONFIG, " (with tls.keystore.path)");
            requireSecret(config, TLS_TRUSTSTORE_PASSWORD_SECRET, " (with tls.keystore.path)");
        }
        if (config.getString(AUTH_JWT_ALGORITHM_CONFIG).equals(AUTH_JWT_HS256)) {
            requireSecret(config, AUTH_JWT_HS256_SECRET, " (auth.jwt.algorithm=HS256)");
        } else {
            require(config, AUTH_JWT_ES256_JWKS_FILE_CONFIG, " (auth.jwt.algorithm=ES256)");
        }
    }

    private static void require(KeyServiceConfig config, String key, String because) {
        if (config.optionalString(key).isEmpty()) {
            throw KeyServiceConfig.missing(key, because);
        }
    }

    private static void requireSecret(KeyServiceConfig config, String secret, String because) {
        if (config.optionalString(secret + KeyServiceConfig.SECRET_ENV_SUFFIX).isEmpty()
                && config.optionalString(secret + KeyServiceConfig.SECRET_FILE_SUFFIX)
                        .isEmpty()) {
            throw KeyServiceConfig.missingSecret(secret, because);
        }
    }
}
