package dev.ctx.processor.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

import dev.ctx.processor.topics.AuditTopicNames;

/**
 * The keys of the access-log sealer (docs/audit-sealer.md). Off by default: switching it on adds two required topics
 * (a deployment with {@code topics.create=false} would stop) and a third Kafka Streams application, and exactly one
 * deployment may run it. Without {@value #URL_CONFIG} it chains but writes no checkpoint.
 */
public final class AuditSealerKeys {

    public static final String ENABLED_CONFIG = "audit.sealer.enabled";
    public static final String APPLICATION_ID_CONFIG = "audit.sealer.application.id";
    public static final String DEDUP_WINDOW_CONFIG = "audit.sealer.dedup.window";
    public static final String CHECKPOINT_EVENTS_CONFIG = "audit.checkpoint.events";
    public static final String CHECKPOINT_INTERVAL_MS_CONFIG = "audit.checkpoint.interval.ms";
    public static final String CHECKPOINT_RETRY_MS_CONFIG = "audit.checkpoint.retry.ms";
    public static final String URL_CONFIG = "audit.key.service.url";
    public static final String TOKEN_CONFIG = "audit.key.service.token";
    public static final String TIMEOUT_MS_CONFIG = "audit.key.service.timeout.ms";
    public static final String TRUSTSTORE_PATH_CONFIG = "audit.key.service.truststore.path";
    public static final String TRUSTSTORE_PASSWORD_CONFIG = "audit.key.service.truststore.password";
    public static final String TOPIC_ACCESS_LOG_CONFIG = "topic.access.log";
    public static final String TOPIC_CHECKPOINTS_CONFIG = "topic.access.log.checkpoints";

    private AuditSealerKeys() {}

    static void define(ConfigDef def) {
        AuditTopicNames defaults = AuditTopicNames.defaults();
        def.define(
                        ENABLED_CONFIG,
                        Type.BOOLEAN,
                        false,
                        Importance.HIGH,
                        "Run the access-log sealer (access-log.events -> access-log, access-log.checkpoints) as its"
                                + " own Kafka Streams application beside the encryption one; run it in one processor"
                                + " deployment only, it is the single writer of both topics.")
                .define(
                        APPLICATION_ID_CONFIG,
                        Type.STRING,
                        "ctx-audit-sealer",
                        new ConfigDef.NonEmptyStringWithoutControlChars(),
                        Importance.MEDIUM,
                        "Kafka Streams application id of the sealer (its group, transactional ids and changelogs).")
                .define(
                        DEDUP_WINDOW_CONFIG,
                        Type.LONG,
                        100_000L,
                        Range.between(1_000L, 5_000_000L),
                        Importance.LOW,
                        "How many of the last sealed event ids of a partition are remembered: a repeated id within"
                                + " them is sealed once; beyond them it would be sealed again. Held in heap by the"
                                + " task of that partition, about 150 bytes per id (~15 MB at the default, ~750 MB at"
                                + " the maximum of 5,000,000); at least 1,000, so that a producer's retry still falls"
                                + " inside it.")
                .define(
                        CHECKPOINT_EVENTS_CONFIG,
                        Type.LONG,
                        1_000L,
                        Range.between(1L, 10_000_000L),
                        Importance.MEDIUM,
                        "A checkpoint is due once this many entries were chained in a partition since the last one.")
                .define(
                        CHECKPOINT_INTERVAL_MS_CONFIG,
                        Type.LONG,
                        60_000L,
                        Range.between(100L, 86_400_000L),
                        Importance.MEDIUM,
                        "A checkpoint is due this long (wall clock) after the last one when entries are pending.")
                .define(
                        CHECKPOINT_RETRY_MS_CONFIG,
                        Type.LONG,
                        5_000L,
                        Range.between(10L, 3_600_000L),
                        Importance.LOW,
                        "After a checkpoint was not signed, how long a stream task waits before it asks again.")
                .define(
                        URL_CONFIG,
                        Type.STRING,
                        "",
                        new RewrapKeys.KeyServiceUrlValidator(),
                        Importance.HIGH,
                        "Key service base URL (http(s)://host:port) for POST /v1/audit/checkpoints; empty: the"
                                + " sealer chains but writes no checkpoint.")
                .define(
                        TOKEN_CONFIG,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "Bearer token of an operator (the sealer's identity) sent to the key service; never logged.")
                .define(
                        TIMEOUT_MS_CONFIG,
                        Type.LONG,
                        5_000L,
                        Range.between(100L, 120_000L),
                        Importance.MEDIUM,
                        "Timeout of one signing call; keep it well below max.poll.interval.ms.")
                .define(
                        TRUSTSTORE_PATH_CONFIG,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "PKCS#12 trust store holding the key service's CA for https; empty uses the JDK default trust.")
                .define(
                        TRUSTSTORE_PASSWORD_CONFIG,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Password of the sealer's trust store.")
                .define(
                        TOPIC_ACCESS_LOG_CONFIG,
                        Type.STRING,
                        defaults.accessLog(),
                        new TopicNameValidator(),
                        Importance.MEDIUM,
                        "Output: the hash-chained access log, written only by the sealer (delete, infinite).")
                .define(
                        TOPIC_CHECKPOINTS_CONFIG,
                        Type.STRING,
                        defaults.checkpoints(),
                        new TopicNameValidator(),
                        Importance.MEDIUM,
                        "Output: signed checkpoints of the access log, written only by the sealer (delete, infinite).");
    }

    static AuditTopicNames names(ProcessorConfig config) {
        return new AuditTopicNames(
                config.getString(ProcessorConfig.TOPIC_ACCESS_EVENTS_CONFIG),
                config.getString(TOPIC_ACCESS_LOG_CONFIG),
                config.getString(TOPIC_CHECKPOINTS_CONFIG));
    }

    static Optional<URI> url(ProcessorConfig config) {
        String url = config.getString(URL_CONFIG).trim();
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    static Optional<Path> truststore(ProcessorConfig config) {
        String path = config.getString(TRUSTSTORE_PATH_CONFIG).trim();
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }

    static Duration millis(ProcessorConfig config, String key) {
        return Duration.ofMillis(config.getLong(key));
    }
}
