package dev.ctx.processor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.ctx.processor.app.ProcessorMain;

/** {@link ProcessorMain} in a child JVM on the test classpath, so a test can SIGKILL it mid-transaction. */
public final class ForkedProcessor implements AutoCloseable {

    private final Process process;
    private final Thread shutdownHook;

    private ForkedProcessor(Process process) {
        this.process = process;
        this.shutdownHook = new Thread(process::destroyForcibly, "forked-processor-kill");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Writes {@code config} to {@code dir/processor.properties} and starts {@code ProcessorMain --config} on it. */
    public static ForkedProcessor start(Path dir, Map<String, String> config) {
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
            Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", classpath, ProcessorMain.class.getName(), "--config",
                    file.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("processor.log").toFile()).start();
            return new ForkedProcessor(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the processor JVM", e);
        }
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
    public void close() throws InterruptedException {
        kill();
    }
}
