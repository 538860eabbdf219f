package dev.ctx.testkit.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** A module's runnable jar and its {@code lib/} directory, as {@code maven-dependency-plugin} copied it. */
public final class ProductionArtifact {

    /**
     * File-name prefixes of jars that are test support, benchmarks or an embedded broker: none may sit in a
     * production {@code lib/}. The build's enforcer rule ({@code production-classpath}) bans the same artifacts.
     */
    public static final List<String> TEST_ONLY_JAR_PREFIXES = List.of(
            "ctx-testkit-",
            "ctx-benchmarks-",
            "ctx-cli-",
            "jmh-",
            "testcontainers",
            "kafka_2.13-",
            "kafka-server-",
            "kafka-streams-test-utils-",
            "scala-",
            "junit-",
            "assertj-",
            "awaitility-",
            "archunit-",
            "docker-java-");

    private final Path jar;

    private ProductionArtifact(Path jar) {
        this.jar = jar;
    }

    /** The artifact {@code target/<name>.jar} of the module the test runs in (failsafe runs in the module dir). */
    public static ProductionArtifact inTarget(String name) {
        return new ProductionArtifact(Path.of("target", name + ".jar").toAbsolutePath());
    }

    public Path jar() {
        return jar;
    }

    /** The file names in {@code lib/} next to the jar, sorted. */
    public List<String> libJarNames() {
        try (Stream<Path> files = Files.list(jar.resolveSibling("lib"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lib directory of " + jar, e);
        }
    }

    /** The {@code lib/} jars whose names start with one of {@link #TEST_ONLY_JAR_PREFIXES}, or test-jars. */
    public List<String> testOnlyJars() {
        return libJarNames().stream()
                .filter(name -> name.endsWith("-tests.jar")
                        || TEST_ONLY_JAR_PREFIXES.stream().anyMatch(name::startsWith))
                .toList();
    }

    /** The {@code lib/} jars and the artifact itself that hold class {@code className} (binary name). */
    public List<String> jarsHoldingClass(String className) {
        String entry = className.replace('.', '/') + ".class";
        List<Path> jars = new ArrayList<>(List.of(jar));
        libJarNames().forEach(name -> jars.add(jar.resolveSibling("lib").resolve(name)));
        List<String> holding = new ArrayList<>();
        for (Path candidate : jars) {
            try (JarFile file = new JarFile(candidate.toFile())) {
                if (file.getEntry(entry) != null) {
                    holding.add(candidate.getFileName().toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + candidate, e);
            }
        }
        return holding;
    }

    /**
     * Runs {@code java [jvmOptions] -jar <jar> [args]} in a fresh JVM with an empty {@code CTX_*} environment and waits
     * up to {@code timeoutSeconds} for it to exit.
     */
    public Exit run(List<String> jvmOptions, List<String> args, Path workDir, long timeoutSeconds) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        try {
            Path output = workDir.resolve("java-jar.out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .directory(workDir.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("CTX_"));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(jar.getFileName() + " did not exit within " + timeoutSeconds + " s");
            }
            return new Exit(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + jar, e);
        }
    }

    /** A finished run: its exit code and everything it printed (stdout and stderr). */
    public record Exit(int code, String output) {}
}
