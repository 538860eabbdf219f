package dev.ctx.cli.demo;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.ctx.keyservice.local.LocalKeyService;
import dev.ctx.testkit.process.ChildJvm;

/**
 * A {@link LocalKeyService} in a child JVM on the test classpath, so a test can SIGKILL it mid-job and start another on
 * the same directory: same KEK, same token secret ({@code LocalTokens.inDirectory}), same lookup state, same port.
 */
final class ForkedKeyServiceJvm implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final ChildJvm jvm;
    private final String url;

    private ForkedKeyServiceJvm(ChildJvm jvm, String url) {
        this.jvm = jvm;
        this.url = url;
    }

    /** Starts the service in {@code dir} on {@code port} with {@code config} and waits until it is ready. */
    static ForkedKeyServiceJvm start(Path dir, int port, Map<String, String> config, String logName)
            throws InterruptedException {
        Map<String, String> withPort = new HashMap<>(config);
        withPort.put("http.port", Integer.toString(port));
        ChildJvm.writeProperties(dir.resolve("key-service.properties"), withPort);
        ChildJvm jvm = ChildJvm.start(
                "key-service",
                dir.resolve(logName),
                List.of("-Xmx512m", "-XX:+UseSerialGC"),
                ForkedKeyServiceJvm.class.getName(),
                List.of(dir.toString()),
                Map.of());
        ForkedKeyServiceJvm forked = new ForkedKeyServiceJvm(jvm, "http://127.0.0.1:" + port);
        jvm.awaitHttpOk(forked.url + "/health/ready", STARTUP);
        return forked;
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
        return jvm.isAlive();
    }

    /** SIGKILL: no commit, no abort, no answer to requests in flight. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
