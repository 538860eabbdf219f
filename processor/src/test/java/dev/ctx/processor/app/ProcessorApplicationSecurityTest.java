package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.TestKeyrings;

/** Startup's topic admin client is built with the {@code streams.} security settings, not bootstrap servers alone. */
class ProcessorApplicationSecurityTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theTopicAdminClientAppliesTheStreamsSaslSettings() {
        // Given: SASL without any JAAS configuration, which a SASL client refuses at creation (a plaintext admin client
        // would instead try to connect and time out)
        Map<String, String> values = new HashMap<>(TestKeyrings.pins());
        values.putAll(Map.of(
                "bootstrap.servers",
                "127.0.0.1:9",
                "schema.registry.url",
                "mock://processor-application-security",
                "metrics.port",
                "0",
                "streams.security.protocol",
                "SASL_PLAINTEXT",
                "streams.sasl.mechanism",
                "PLAIN"));
        ProcessorConfig config = ProcessorConfig.of(values);

        // When / Then
        assertThatThrownBy(() -> ProcessorApplication.start(config).close()).hasStackTraceContaining("JAAS");
    }
}
