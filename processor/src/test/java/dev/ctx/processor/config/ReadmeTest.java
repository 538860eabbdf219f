package dev.ctx.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import dev.ctx.processor.dlq.DeadLetterReason;
import dev.ctx.processor.testing.TestKeyrings;

/** The module README documents what the code defines. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void documentsEveryConfigurationKeyWithItsDefault() throws IOException {
        String readme = Files.readString(README);
        for (ConfigDef.ConfigKey key : ProcessorConfig.configDef().configKeys().values()) {
            String defaultCell = key.hasDefault() ? "`" + key.defaultValue + "`" : "(required)";
            assertThat(readme).as(key.name).contains("| `" + key.name + "` | " + defaultCell + " |");
        }
    }

    @Test
    void documentsEveryDeadLetterReason() throws IOException {
        String readme = Files.readString(README);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            assertThat(readme).contains("`" + reason.name() + "`");
        }
    }

    @Test
    void theExampleConfigurationLoads() {
        assertThat(ProcessorConfigLoader.load(Path.of("processor.example.properties"), TestKeyrings.pinsEnvironment())
                        .encryptionMode())
                .isEqualTo(EncryptionMode.OPT_IN);
    }

    @Test
    void theExampleConfigurationRefusesToStartUntilTheOperatorPinsTheKeyringSigningKey() {
        Assertions.assertThatThrownBy(
                        () -> ProcessorConfigLoader.load(Path.of("processor.example.properties"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG);
    }
}
