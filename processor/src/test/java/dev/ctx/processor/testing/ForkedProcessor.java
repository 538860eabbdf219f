package dev.ctx.processor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.ctx.processor.app.ProcessorMain;

/** {@link ProcessorMain} in a child JVM on the test classpath, so a test can SIGKILL it mid-transaction. */
public final class ForkedProcessor implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ForkedProcessor(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "forked-processor-kill");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Writes {@code config} to {@code dir/processor.properties} and starts {@code ProcessorMain --config} on it. */
    public static ForkedProcessor start(Path dir, Map<String, String> config) {
        return start(dir, config, List.of());
    }

    /** Like {@link #start(Path, Map)}, with extra JVM options before the main class. */
    public static ForkedProcessor start(Path dir, Map<String, String> config, List<String> jvmOptions) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("processor.properties");
            Properties properties = new Properties();
            properties.putAll(config);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command =
                    new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classpath, ProcessorMain.class.getName(), "--config", file.toString()));
            Path log = dir.resolve("processor.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ForkedProcessor(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the processor JVM", e);
        }
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @return its exit code
     * @throws AssertionError if it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the processor JVM did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Everything the child printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no commit, no abort, no leave-group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
