package dev.ctx.testkit.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import dev.ctx.testkit.files.Directories;

/**
 * A real single-node KRaft Kafka broker (broker and controller roles) running in this JVM, bound to 127.0.0.1 only.
 *
 * <p>{@link #stop()} then {@link #start()} restarts it on the same log directory with its data. {@link #close()} stops
 * it and deletes the directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Properties props;
    private KafkaRaftServer server;

    /**
     * @param dir the directory for config and logs
     * @param overrides broker settings applied over the single-node defaults
     */
    public EmbeddedKafkaBroker(Path dir, Map<String, String> overrides) {
        this(dir, BrokerProperties.freeLoopbackPort(), BrokerProperties.freeLoopbackPort(), overrides);
    }

    /**
     * @param dir the directory for config and logs (formatted on first start, reused afterwards)
     * @param port the client port on 127.0.0.1
     * @param controllerPort the controller port on 127.0.0.1
     * @param overrides broker settings applied over the single-node defaults
     */
    public EmbeddedKafkaBroker(Path dir, int port, int controllerPort, Map<String, String> overrides) {
        this.dir = dir;
        this.port = port;
        this.props = BrokerProperties.singleNode(port, controllerPort, dir.resolve("data"), overrides);
    }

    /** Formats the log directory on first start, then starts the broker; returns when it serves requests. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server == null) {
            KafkaStorage.formatOnce(dir, props);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        }
        return this;
    }

    /** Stops the broker and keeps its data. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** The {@code bootstrap.servers} value of this broker. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The directory holding server.properties and the log directory. */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        stop();
        Directories.deleteRecursively(dir);
    }
}
