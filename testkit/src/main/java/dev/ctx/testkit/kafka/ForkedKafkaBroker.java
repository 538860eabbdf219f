package dev.ctx.testkit.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.ctx.testkit.files.Directories;

/**
 * A real single-node KRaft broker in a child JVM ({@code kafka.Kafka server.properties}) on 127.0.0.1, for crash tests:
 * {@link #kill()} sends SIGKILL, {@link #start()} restarts it on the same log directory and port.
 */
public final class ForkedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private final Path dir;
    private final int port;
    private final Properties props;
    private final Thread shutdownHook = new Thread(this::kill, "forked-kafka-kill");
    private Process process;

    /**
     * @param dir the directory for config, logs and the child's output ({@code broker.log})
     * @param overrides broker settings applied over the single-node defaults
     */
    public ForkedKafkaBroker(Path dir, Map<String, String> overrides) {
        this.dir = dir;
        this.port = BrokerProperties.freeLoopbackPort();
        this.props =
                BrokerProperties.singleNode(port, BrokerProperties.freeLoopbackPort(), dir.resolve("data"), overrides);
    }

    /** Starts the child JVM (formatting the log directory on first start) and waits until the broker answers. */
    public synchronized ForkedKafkaBroker start() {
        if (process == null || !process.isAlive()) {
            Path config = KafkaStorage.formatOnce(dir, props);
            process = launch(config);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            awaitReady();
        }
        return this;
    }

    /** SIGKILL: the broker gets no chance to flush or close anything. */
    public synchronized void kill() {
        terminate(true);
    }

    /** SIGTERM: a clean shutdown. */
    public synchronized void stop() {
        terminate(false);
    }

    /** The {@code bootstrap.servers} value of this broker (stable across restarts). */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The child's process id, or -1 when it is not running. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    @Override
    public void close() {
        stop();
        Directories.deleteRecursively(dir);
    }

    private Process launch(Path config) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "kafka.Kafka",
                config.toString());
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch the forked broker", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "forked broker exited with " + process.exitValue() + "; see " + dir.resolve("broker.log"));
                }
                if (answers(admin)) {
                    return;
                }
            }
        }
        throw new IllegalStateException(
                "forked broker not ready after " + READY_TIMEOUT + "; see " + dir.resolve("broker.log"));
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the forked broker", e);
        }
    }

    private void terminate(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down, or the hook was never added
        }
    }
}
