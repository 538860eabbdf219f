package dev.ctx.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka cluster per JVM for integration tests: a Testcontainers {@code apache/kafka} container when a Docker engine
 * is reachable, otherwise (and always when {@code -Dkafka.embedded=true}) an {@link EmbeddedKafkaBroker} on 127.0.0.1.
 *
 * <p>Tests sharing it must use unique topic names and application ids ({@link #uniqueName(String)}).
 */
public final class SharedKafka {

    /** System property that forces the embedded broker even where Docker is available. */
    public static final String FORCE_EMBEDDED_PROPERTY = "kafka.embedded";

    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    private static final Logger LOGGER = LoggerFactory.getLogger(SharedKafka.class);
    private static String bootstrapServers;

    private SharedKafka() {}

    /** Starts the shared cluster on first use and returns its {@code bootstrap.servers}. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = useContainer() ? startContainer() : startEmbedded();
        }
        return bootstrapServers;
    }

    /** A name unique in this JVM, for topics, application ids and group ids. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean useContainer() {
        return !Boolean.getBoolean(FORCE_EMBEDDED_PROPERTY) && dockerAvailable();
    }

    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null
                && !Files.exists(Path.of("/var/run/docker.sock"))
                && !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            return false; // no engine configured: skip Testcontainers' probe (it logs an ERROR when it finds none)
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "shared-kafka-container-stop"));
        LOGGER.atInfo().addKeyValue("image", KAFKA_IMAGE).log("shared Kafka runs in a container");
        return container.getBootstrapServers();
    }

    private static String startEmbedded() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(tempDir(), Map.of()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-stop"));
        LOGGER.atInfo()
                .addKeyValue("bootstrapServers", broker.bootstrapServers())
                .log("shared Kafka runs embedded");
        return broker.bootstrapServers();
    }

    private static Path tempDir() {
        try {
            Path base = Path.of("target");
            return Files.isDirectory(base)
                    ? Files.createTempDirectory(base, "shared-kafka")
                    : Files.createTempDirectory("shared-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shared broker's directory", e);
        }
    }
}
