package dev.ctx.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** {@code dev.ctx.envelope.internal} and {@code internal.hpke} are not API: no other module's code imports them. */
class NotApiTest {

    @Test
    void noOtherModuleImportsTheInternalPackages() throws IOException {
        // Given: the main and test sources of every other module of the reactor
        List<Path> roots;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            roots = modules.filter(module -> !module.getFileName().toString().equals("envelope"))
                    .flatMap(module -> Stream.of(module.resolve("src/main/java"), module.resolve("src/test/java")))
                    .filter(Files::isDirectory)
                    .toList();
        }
        // When
        List<String> importers;
        try (Stream<Path> files = roots.stream().flatMap(NotApiTest::javaFiles)) {
            importers = files.filter(file -> read(file).contains("import dev.ctx.envelope.internal"))
                    .map(Path::toString)
                    .toList();
        }
        // Then
        assertThat(roots).hasSizeGreaterThan(3);
        assertThat(importers)
                .as("use the envelope API (HpkeChallenge for HPKE), not its internals")
                .isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
