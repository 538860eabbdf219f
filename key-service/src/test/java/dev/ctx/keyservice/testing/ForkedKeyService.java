package dev.ctx.keyservice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ctx.keyservice.KeyServiceMain;
import dev.ctx.testkit.process.ChildJvm;

/**
 * A key service in a child JVM ({@link KeyServiceMain} on the test classpath, its config file in {@code dir}), so a
 * test can SIGKILL it, or SIGSTOP and SIGCONT it to freeze it and wake it up, as a crashed or stalled replica.
 */
public final class ForkedKeyService implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final ChildJvm jvm;
    private final String url;

    private ForkedKeyService(ChildJvm jvm, String url) {
        this.jvm = jvm;
        this.url = url;
    }

    /**
     * Starts the service in {@code dir} with {@code config} (plus {@code http.port}) and {@code env}, and waits until
     * {@code /health/ready} answers 200.
     */
    public static ForkedKeyService start(Path dir, Map<String, String> config, Map<String, String> env)
            throws InterruptedException {
        int port = freePort();
        Map<String, String> withPort = new HashMap<>(config);
        withPort.put("http.port", Integer.toString(port));
        Path file = ChildJvm.writeProperties(dir.resolve("key-service.properties"), withPort);
        ChildJvm jvm = ChildJvm.start(
                "key-service",
                dir.resolve("key-service.log"),
                List.of("-Xmx384m", "-XX:+UseSerialGC"),
                KeyServiceMain.class.getName(),
                List.of(file.toString()),
                env);
        ForkedKeyService forked = new ForkedKeyService(jvm, "http://127.0.0.1:" + port);
        jvm.awaitHttpOk(forked.url + "/health/ready", STARTUP);
        return forked;
    }

    public String url() {
        return url;
    }

    /** What the child wrote (its log), for a failure message. */
    public String log() {
        return jvm.output();
    }

    /** SIGKILL: no commit, no abort, no leaving the group; the process is gone when this returns. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** SIGSTOP: the JVM freezes (no heartbeats, no writes) but keeps its sockets and state. */
    public void freeze() throws InterruptedException {
        jvm.freeze();
    }

    /** SIGCONT: the frozen JVM runs on from where it stopped. */
    public void wake() throws InterruptedException {
        jvm.wake();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
