package dev.ctx.processor.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ctx.processor.app.ProcessorMain;
import dev.ctx.testkit.process.ChildJvm;

/** {@link ProcessorMain} in a child JVM on the test classpath, so a test can SIGKILL it mid-transaction. */
public final class ForkedProcessor implements AutoCloseable {

    private final ChildJvm jvm;

    private ForkedProcessor(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** Writes {@code config} to {@code dir/processor.properties} and starts {@code ProcessorMain --config} on it. */
    public static ForkedProcessor start(Path dir, Map<String, String> config) {
        return start(dir, config, List.of());
    }

    /** Like {@link #start(Path, Map)}, with extra JVM options before the main class. */
    public static ForkedProcessor start(Path dir, Map<String, String> config, List<String> jvmOptions) {
        Path file = ChildJvm.writeProperties(dir.resolve("processor.properties"), config);
        List<String> options = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        options.addAll(jvmOptions);
        return new ForkedProcessor(ChildJvm.start(
                "processor",
                dir.resolve("processor.log"),
                options,
                ProcessorMain.class.getName(),
                List.of("--config", file.toString()),
                Map.of()));
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @return its exit code
     * @throws AssertionError if it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return jvm.awaitExit(timeout);
    }

    /** Everything the child printed so far. */
    public String output() {
        return jvm.output();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** SIGKILL: no commit, no abort, no leave-group. */
    public void kill() throws InterruptedException {
        jvm.kill();
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
