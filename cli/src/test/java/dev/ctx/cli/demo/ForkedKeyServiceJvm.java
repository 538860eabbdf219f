package dev.ctx.cli.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.ctx.keyservice.local.LocalKeyService;

/**
 * A {@link LocalKeyService} in a child JVM on the test classpath, so a test can SIGKILL it mid-job and start another on
 * the same directory: same KEK, same token secret ({@code LocalTokens.inDirectory}), same lookup state, same port.
 */
final class ForkedKeyServiceJvm implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final String url;

    private ForkedKeyServiceJvm(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the service in {@code dir} on {@code port} with {@code config} and waits until it is ready. */
    static ForkedKeyServiceJvm start(Path dir, int port, Map<String, String> config, String logName)
            throws InterruptedException {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("key-service.properties");
            Properties properties = new Properties();
            properties.putAll(config);
            properties.put("http.port", Integer.toString(port));
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC"));
            command.addAll(List.of("-cp", classpath, ForkedKeyServiceJvm.class.getName(), dir.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(logName).toFile())
                    .start();
            ForkedKeyServiceJvm forked = new ForkedKeyServiceJvm(process, "http://127.0.0.1:" + port);
            forked.awaitReady();
            return forked;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the key-service JVM", e);
        }
    }

    /** The child's entry point: {@code DIR}, holding {@code key-service.properties}; runs until killed. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("key-service.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> config = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        LocalKeyService.start(dir, config);
        Thread.currentThread().join();
    }

    String url() {
        return url;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no commit, no abort, no answer to requests in flight. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
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
                throw new IllegalStateException("the key-service JVM exited with " + process.exitValue());
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
        throw new IllegalStateException("the key-service JVM was not ready within " + STARTUP);
    }
}
