package dev.ctx.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.ctx.processor.app.ProcessorMain;

/**
 * {@code ProcessorMain} (encryption and rewrap topologies) in a child JVM on the test classpath, so a test can SIGKILL
 * it mid-job; secrets reach it as environment variables, never in its properties file.
 */
final class ForkedProcessorJvm implements AutoCloseable {

    private final Process process;

    private ForkedProcessorJvm(Process process) {
        this.process = process;
    }

    static ForkedProcessorJvm start(Path dir, Map<String, String> config, Map<String, String> env) {
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
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC"));
            command.addAll(List.of("-cp", classpath, ProcessorMain.class.getName(), "--config", file.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("processor.log").toFile());
            builder.environment().putAll(env);
            return new ForkedProcessorJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the processor JVM", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no commit, no abort, no leave-group. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
