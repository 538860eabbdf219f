package dev.ctx.keyservice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.ctx.keyservice.KeyServiceMain;

/**
 * A key service in a child JVM ({@link KeyServiceMain} on the test classpath, its config file in {@code dir}), so a
 * test can SIGKILL it, or SIGSTOP and SIGCONT it to freeze it and wake it up, as a crashed or stalled replica.
 */
public final class ForkedKeyService implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final Process process;
    private final String url;
    private final Path log;

    private ForkedKeyService(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the service in {@code dir} with {@code config} (plus {@code http.port}) and {@code env}, and waits until
     * {@code /health/ready} answers 200.
     */
    public static ForkedKeyService start(Path dir, Map<String, String> config, Map<String, String> env)
            throws InterruptedException {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            Path file = dir.resolve("key-service.properties");
            Properties properties = new Properties();
            properties.putAll(config);
            properties.put("http.port", Integer.toString(port));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC"));
            command.addAll(List.of("-cp", classpath, KeyServiceMain.class.getName(), file.toString()));
            Path log = dir.resolve("key-service.log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            ForkedKeyService forked = new ForkedKeyService(builder.start(), "http://127.0.0.1:" + port, log);
            forked.awaitReady();
            return forked;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the key-service JVM", e);
        }
    }

    public String url() {
        return url;
    }

    /** What the child wrote (its log), for a failure message. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** SIGKILL: no commit, no abort, no leaving the group; the process is gone when this returns. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGSTOP: the JVM freezes (no heartbeats, no writes) but keeps its sockets and state. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT: the frozen JVM runs on from where it stopped. */
    public void wake() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " exited with " + exit);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the key-service JVM exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("the key-service JVM was not ready within " + STARTUP + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
