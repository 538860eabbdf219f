package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.testing.ForkedProcessor;
import dev.ctx.processor.testing.TestKeyrings;

/** A JDK whose crypto providers cannot do what the envelope needs stops the processor before it touches Kafka. */
class CryptoSelfCheckStartupTest {

    @TempDir
    Path dir;

    @Test
    void aFailingCryptoSelfCheckStopsStartup() throws Exception {
        // Given: a JVM whose only security provider is SUN (no SunJCE: no AES-GCM, no HMAC)
        Path security = Files.writeString(dir.resolve("sun-only.security"), "security.provider.1=SUN\n");
        Map<String, String> config = new HashMap<>(Map.of(
                "bootstrap.servers", "127.0.0.1:9", "schema.registry.url", "http://127.0.0.1:9", "metrics.port", "0"));
        config.putAll(TestKeyrings.pins());

        // When
        ForkedProcessor processor =
                ForkedProcessor.start(dir, config, List.of("-Djava.security.properties==" + security));
        int exit = processor.awaitExit(Duration.ofSeconds(60));

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_FAILED);
        assertThat(processor.output()).contains("cannot start").contains("AES/GCM");
    }
}
