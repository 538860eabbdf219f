package dev.ctx.processor.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

import dev.ctx.envelope.EpochPolicy;
import dev.ctx.envelope.sign.Ed25519VerifyingKey;
import dev.ctx.processor.topics.AuditTopicNames;
import dev.ctx.processor.topics.TopicNames;
import dev.ctx.schemas.serde.WriterSchemaAllowList;

/**
 * The encryption processor's configuration. Immutable once built; construction validates every key and throws
 * {@link ConfigException} naming the first invalid one.
 */
public final class ProcessorConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka bootstrap servers, host:port[,host:port...].";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Confluent-compatible schema registry: http(s)://host:port; "
            + "mock://scope (in-process) is for tests, the demo and"
            + " benchmarks only, and ProcessorMain refuses it.";

    public static final String APPLICATION_ID_CONFIG = "application.id";
    private static final String APPLICATION_ID_DOC =
            "Kafka Streams application id: consumer group, transactional id prefix and internal topic prefix.";

    public static final String INSTANCE_ID_CONFIG = "processor.instance.id";
    private static final String INSTANCE_ID_DOC =
            "Name of this processor instance, written as the source of access events and dead letters.";

    public static final String ENCRYPTION_MODE_CONFIG = "encryption.mode";
    private static final String ENCRYPTION_MODE_DOC = "opt-in: seal transactions flagged confidential and pass the"
            + " others in clear; always: seal every transaction.";

    public static final String WRAP_MODE_CONFIG = "envelope.wrap-mode";
    private static final String WRAP_MODE_DOC = "per-transaction: wrap each DEK with a single-shot HPKE seal per"
            + " recipient (one X25519 key generation and DH each); epoch: wrap each DEK at the next sequence number of"
            + " a per-recipient-key HPKE multi-shot context that lives for one epoch of this stream task (never"
            + " persisted). Both keep a fresh DEK per transaction; openers read both.";

    public static final String EPOCH_MAX_SEALS_CONFIG = "envelope.epoch.max-seals";
    private static final String EPOCH_MAX_SEALS_DOC = "Epoch wrap mode: transactions sealed per epoch before the"
            + " stream task starts a new epoch (new ephemeral keys, old contexts destroyed).";

    public static final String EPOCH_MAX_AGE_MS_CONFIG = "envelope.epoch.max-age-ms";
    private static final String EPOCH_MAX_AGE_MS_DOC =
            "Epoch wrap mode: age in milliseconds after which the stream" + " task starts a new epoch.";

    public static final String PROCESSING_GUARANTEE_CONFIG = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
    private static final String PROCESSING_GUARANTEE_DOC = "exactly_once_v2 commits the encrypted record, envelope"
            + " and access event of one input in one Kafka transaction; at_least_once may duplicate them.";

    public static final String NUM_STREAM_THREADS_CONFIG = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    private static final String NUM_STREAM_THREADS_DOC = "Stream threads of this instance.";

    public static final String STATE_DIR_CONFIG = StreamsConfig.STATE_DIR_CONFIG;
    private static final String STATE_DIR_DOC = "Kafka Streams state directory (holds the public keyring "
            + "store and the transaction-id deduplication store).";

    public static final String TOPICS_CREATE_CONFIG = "topics.create";
    private static final String TOPICS_CREATE_DOC = "Create missing topics at startup with their cleanup policies;"
            + " when false, startup fails naming every missing topic.";

    public static final String RECEIPTS_ENABLED_CONFIG = "receipts.enabled";
    private static final String RECEIPTS_ENABLED_DOC = "Emit a Receipt (Pedersen commitment to the amount and opening"
            + " proof) for every sealed transaction to topic.receipts, and seal its blinding with the confidential"
            + " fields (docs/receipts.md). About 2.4 fixed-base P-256 multiplications of CPU per transaction; a"
            + " transaction sealed with false can never get a receipt later.";

    public static final String TOPICS_PARTITIONS_CONFIG = "topics.partitions";
    private static final String TOPICS_PARTITIONS_DOC = "Partitions of topics created at startup.";

    public static final String TOPICS_REPLICATION_FACTOR_CONFIG = "topics.replication.factor";
    private static final String TOPICS_REPLICATION_FACTOR_DOC =
            "Replication factor of topics created at startup; -1 uses the broker default.";

    public static final String METRICS_HOST_CONFIG = "metrics.host";
    private static final String METRICS_HOST_DOC = "Address the Prometheus endpoint binds to.";

    public static final String METRICS_PORT_CONFIG = "metrics.port";
    private static final String METRICS_PORT_DOC =
            "Port of the Prometheus endpoint (GET /metrics); 0 picks a free port.";

    public static final String KEYRING_SIGNING_PUBLIC_KEY_CONFIG = "keyring.signing.public.key";
    private static final String KEYRING_SIGNING_PUBLIC_KEY_DOC = "The key service's Ed25519 keyring-signing public key"
            + " (32 bytes, standard base64 or 64 hex digits) from GET /v1/keyring-signing-key; compare its fingerprint"
            + " with the one the key service logs at startup. Keyrings not signed by it disable their participant.";

    public static final String ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG = "escrow.public.key.fingerprint";
    private static final String ESCROW_PUBLIC_KEY_FINGERPRINT_DOC = "SHA-256 (64 hex digits) of the escrow's current"
            + " X25519 public key; a comma-separated list while the escrow key rotates. An escrow keyring whose current"
            + " key is not listed is refused.";

    public static final String TOPIC_TRANSACTIONS_CONFIG = "topic.transactions";
    public static final String TOPIC_ENCRYPTED_CONFIG = "topic.encrypted";
    public static final String TOPIC_ENVELOPES_CONFIG = "topic.envelopes";
    public static final String TOPIC_PARTICIPANT_KEYS_CONFIG = "topic.participant.keys";
    public static final String TOPIC_ACCESS_EVENTS_CONFIG = "topic.access.events";
    public static final String TOPIC_DLQ_CONFIG = "topic.dlq";
    public static final String TOPIC_ENVELOPE_COMMANDS_CONFIG = "topic.envelope.commands";
    public static final String TOPIC_RECEIPTS_CONFIG = "topic.receipts";

    public static final String TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG =
            WriterSchemaKeys.TRANSACTIONS_WRITER_SCHEMA_FINGERPRINTS_CONFIG;

    /** Keys with this prefix are passed, without it, to Kafka Streams and its clients (security, tuning). */
    public static final String STREAMS_PREFIX = "streams.";

    /**
     * Keys with this prefix are passed, without it, to the Avro serdes and their registry client (authentication,
     * TLS, retries, {@code auto.register.schemas}).
     */
    public static final String SERDE_PREFIX = "serde.";

    private static final ConfigDef CONFIG_DEF = definition();

    private ProcessorConfig(Map<?, ?> values) {
        super(CONFIG_DEF, values, false);
    }

    /**
     * Validates {@code values}.
     *
     * @throws ConfigException naming the first missing or invalid key
     */
    public static ProcessorConfig of(Map<String, String> values) {
        return new ProcessorConfig(values);
    }

    /** The documented key set, for README generation and unknown-key checks. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef()
                .define(
                        BOOTSTRAP_SERVERS_CONFIG,
                        Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new HostPortListValidator(),
                        Importance.HIGH,
                        BOOTSTRAP_SERVERS_DOC)
                .define(
                        SCHEMA_REGISTRY_URL_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new RegistryUrlValidator(),
                        Importance.HIGH,
                        SCHEMA_REGISTRY_URL_DOC)
                .define(
                        APPLICATION_ID_CONFIG,
                        Type.STRING,
                        "ctx-encrypt",
                        new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.HIGH,
                        APPLICATION_ID_DOC)
                .define(
                        INSTANCE_ID_CONFIG,
                        Type.STRING,
                        "processor-1",
                        new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM,
                        INSTANCE_ID_DOC)
                .define(
                        ENCRYPTION_MODE_CONFIG,
                        Type.STRING,
                        EncryptionMode.OPT_IN.configValue(),
                        ValidString.in(EncryptionMode.configValues().toArray(String[]::new)),
                        Importance.HIGH,
                        ENCRYPTION_MODE_DOC)
                .define(
                        WRAP_MODE_CONFIG,
                        Type.STRING,
                        WrapMode.EPOCH.configValue(),
                        ValidString.in(WrapMode.configValues().toArray(String[]::new)),
                        Importance.MEDIUM,
                        WRAP_MODE_DOC)
                .define(
                        EPOCH_MAX_SEALS_CONFIG,
                        Type.LONG,
                        EpochPolicy.DEFAULT_MAX_SEALS,
                        Range.between(1L, 1L << 40),
                        Importance.LOW,
                        EPOCH_MAX_SEALS_DOC)
                .define(
                        EPOCH_MAX_AGE_MS_CONFIG,
                        Type.LONG,
                        EpochPolicy.DEFAULT_MAX_AGE.toMillis(),
                        Range.between(1L, 86_400_000L),
                        Importance.LOW,
                        EPOCH_MAX_AGE_MS_DOC)
                .define(
                        PROCESSING_GUARANTEE_CONFIG,
                        Type.STRING,
                        StreamsConfig.EXACTLY_ONCE_V2,
                        ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE),
                        Importance.MEDIUM,
                        PROCESSING_GUARANTEE_DOC)
                .define(
                        NUM_STREAM_THREADS_CONFIG,
                        Type.INT,
                        1,
                        Range.between(1, 64),
                        Importance.MEDIUM,
                        NUM_STREAM_THREADS_DOC)
                .define(
                        STATE_DIR_CONFIG,
                        Type.STRING,
                        "target/ctx-processor-state",
                        new ConfigDef.NonEmptyString(),
                        Importance.LOW,
                        STATE_DIR_DOC)
                .define(TOPICS_CREATE_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, TOPICS_CREATE_DOC)
                .define(RECEIPTS_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, RECEIPTS_ENABLED_DOC)
                .define(
                        TOPICS_PARTITIONS_CONFIG,
                        Type.INT,
                        3,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        TOPICS_PARTITIONS_DOC)
                .define(
                        TOPICS_REPLICATION_FACTOR_CONFIG,
                        Type.SHORT,
                        (short) -1,
                        new ReplicationFactorValidator(),
                        Importance.LOW,
                        TOPICS_REPLICATION_FACTOR_DOC)
                .define(
                        METRICS_HOST_CONFIG,
                        Type.STRING,
                        "0.0.0.0",
                        new ConfigDef.NonEmptyString(),
                        Importance.LOW,
                        METRICS_HOST_DOC)
                .define(
                        METRICS_PORT_CONFIG,
                        Type.INT,
                        9400,
                        Range.between(0, 65_535),
                        Importance.MEDIUM,
                        METRICS_PORT_DOC)
                .define(
                        KEYRING_SIGNING_PUBLIC_KEY_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new KeyPinValidator(),
                        Importance.HIGH,
                        KEYRING_SIGNING_PUBLIC_KEY_DOC)
                .define(
                        ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG,
                        Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new FingerprintListValidator(),
                        Importance.HIGH,
                        ESCROW_PUBLIC_KEY_FINGERPRINT_DOC);
        TopicKeys.define(def);
        WriterSchemaKeys.define(def);
        RewrapKeys.define(def);
        AuditSealerKeys.define(def);
        return def;
    }

    public EncryptionMode encryptionMode() {
        return EncryptionMode.fromConfigValue(getString(ENCRYPTION_MODE_CONFIG));
    }

    public WrapMode wrapMode() {
        return WrapMode.fromConfigValue(getString(WRAP_MODE_CONFIG));
    }

    /** When an epoch of epoch wraps ends. */
    public EpochPolicy epochPolicy() {
        return EpochPolicy.of(getLong(EPOCH_MAX_SEALS_CONFIG), Duration.ofMillis(getLong(EPOCH_MAX_AGE_MS_CONFIG)));
    }

    public String instanceId() {
        return getString(INSTANCE_ID_CONFIG);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL_CONFIG);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG));
    }

    public boolean receiptsEnabled() {
        return getBoolean(RECEIPTS_ENABLED_CONFIG);
    }

    public boolean createTopics() {
        return getBoolean(TOPICS_CREATE_CONFIG);
    }

    public int topicPartitions() {
        return getInt(TOPICS_PARTITIONS_CONFIG);
    }

    public short topicReplicationFactor() {
        return getShort(TOPICS_REPLICATION_FACTOR_CONFIG);
    }

    public String metricsHost() {
        return getString(METRICS_HOST_CONFIG);
    }

    public int metricsPort() {
        return getInt(METRICS_PORT_CONFIG);
    }

    /** The pinned keyring-signing public key. */
    public Ed25519VerifyingKey keyringSigningKey() {
        return KeyPinValidator.parse(getString(KEYRING_SIGNING_PUBLIC_KEY_CONFIG));
    }

    /** The pinned escrow public key fingerprints, lower-case hex. */
    public Set<String> escrowFingerprints() {
        Set<String> fingerprints = new LinkedHashSet<>();
        getList(ESCROW_PUBLIC_KEY_FINGERPRINT_CONFIG)
                .forEach(f -> fingerprints.add(f.trim().toLowerCase(Locale.ROOT)));
        return fingerprints;
    }

    public TopicNames topicNames() {
        return TopicKeys.names(this);
    }

    /** The writer schemas the {@code transactions} value may be read with: the compiled-in one and the listed. */
    public WriterSchemaAllowList transactionWriterSchemas() {
        return WriterSchemaKeys.transactionWriters(this);
    }

    /** The key service URL of the rewrap topology; empty when it is off ({@value RewrapKeys#URL_CONFIG}). */
    public Optional<URI> rewrapKeyServiceUrl() {
        return RewrapKeys.url(this);
    }

    /** The operator bearer token sent to the key service by the rewrap topology, if set. */
    public Optional<String> rewrapToken() {
        return RewrapKeys.password(this, RewrapKeys.TOKEN_CONFIG);
    }

    /** The trust store of the rewrap topology's key-service client, if set. */
    public Optional<Path> rewrapTruststore() {
        String path = getString(RewrapKeys.TRUSTSTORE_PATH_CONFIG).trim();
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** The password of {@link #rewrapTruststore()}, if set. */
    public Optional<String> rewrapTruststorePassword() {
        return RewrapKeys.password(this, RewrapKeys.TRUSTSTORE_PASSWORD_CONFIG);
    }

    public Duration rewrapTimeout() {
        return RewrapKeys.timeout(this);
    }

    public int rewrapBatchSize() {
        return getInt(RewrapKeys.BATCH_SIZE_CONFIG);
    }

    public Duration rewrapInterval() {
        return Duration.ofMillis(getLong(RewrapKeys.INTERVAL_MS_CONFIG));
    }

    public String rewrapApplicationId() {
        return getString(RewrapKeys.APPLICATION_ID_CONFIG);
    }

    /** The compacted progress topic of the rewrap topology ({@value RewrapKeys#PROGRESS_TOPIC_CONFIG}). */
    public String rewrapProgressTopic() {
        return getString(RewrapKeys.PROGRESS_TOPIC_CONFIG);
    }

    /** The topics of the access-log sealer. */
    public AuditTopicNames auditTopicNames() {
        return AuditSealerKeys.names(this);
    }

    /** Whether this processor runs the access-log sealer ({@value AuditSealerKeys#ENABLED_CONFIG}). */
    public boolean auditSealerEnabled() {
        return getBoolean(AuditSealerKeys.ENABLED_CONFIG);
    }

    /** The key service that signs checkpoints; empty when none is configured. */
    public Optional<URI> auditKeyServiceUrl() {
        return AuditSealerKeys.url(this);
    }

    /** The bearer token of the sealer's signing calls, if set. */
    public Optional<String> auditToken() {
        return RewrapKeys.password(this, AuditSealerKeys.TOKEN_CONFIG);
    }

    /** The trust store of the sealer's key-service client, if set. */
    public Optional<Path> auditTruststore() {
        return AuditSealerKeys.truststore(this);
    }

    /** The password of {@link #auditTruststore()}, if set. */
    public Optional<String> auditTruststorePassword() {
        return RewrapKeys.password(this, AuditSealerKeys.TRUSTSTORE_PASSWORD_CONFIG);
    }

    /** A duration-in-milliseconds key of the sealer, e.g. {@value AuditSealerKeys#CHECKPOINT_INTERVAL_MS_CONFIG}. */
    public Duration auditMillis(String key) {
        return AuditSealerKeys.millis(this, key);
    }

    /** The serde configuration: the registry URL and every {@code serde.}-prefixed key without its prefix. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>(originalsWithPrefix(SERDE_PREFIX));
        serde.put(SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl());
        return serde;
    }

    /** The {@code streams.}-prefixed keys with the prefix removed. */
    public Map<String, Object> streamsOverrides() {
        return originalsWithPrefix(STREAMS_PREFIX);
    }

    @Override
    public String toString() {
        return "ProcessorConfig[applicationId=" + getString(APPLICATION_ID_CONFIG) + ", instanceId=" + instanceId()
                + ", mode=" + encryptionMode().configValue() + ", wrapMode="
                + wrapMode().configValue() + "]";
    }
}
