package dev.ctx.testkit.process;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath in a child JVM, its output in one log file, so that a test can SIGKILL it (no
 * commit, no abort, no leaving a group), or SIGSTOP and SIGCONT it to freeze and wake it as a stalled instance. A
 * shutdown hook kills a child the test did not close.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code mainClass} with {@code args} on this JVM's test classpath, with {@code jvmOptions} and {@code env}
     * added, stdout and stderr to {@code log}.
     */
    public static ChildJvm start(
            String name,
            Path log,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " JVM", e);
        }
    }

    /** Writes {@code values} as a properties file (creating its directory) and returns {@code file}. */
    public static Path writeProperties(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * Waits until {@code url} answers 200, failing with the child's log if it exits first or is not ready within
     * {@code timeout} (then it is killed).
     */
    public void awaitHttpOk(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the " + name + " JVM exited with " + process.exitValue() + ":\n" + output());
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
        throw new IllegalStateException("the " + name + " JVM was not ready within " + timeout + ":\n" + output());
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @return its exit code
     * @throws AssertionError if it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the " + name + " JVM did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Everything the child printed so far, or why there is nothing to read. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getClass().getSimpleName() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL; the process is gone when this returns. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    /** SIGSTOP: the JVM freezes (no heartbeats, no writes) but keeps its sockets and state. */
    public void freeze() throws InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT: the frozen JVM runs on from where it stopped. */
    public void wake() throws InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws InterruptedException {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal the " + name + " JVM", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
