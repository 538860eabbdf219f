package dev.ctx.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import dev.ctx.processor.dlq.DeadLetterReason;

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
        assertThat(ProcessorConfigLoader.load(Path.of("processor.example.properties"),
                dev.ctx.processor.testing.TestKeyrings.pinsEnvironment()).encryptionMode()).isEqualTo(EncryptionMode.OPT_IN);
    }

    @Test
    void theExampleConfigurationRefusesToStartUntilTheOperatorPinsTheKeyringSigningKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcessorConfigLoader.load(
                        Path.of("processor.example.properties"), Map.of()))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining(ProcessorConfig.KEYRING_SIGNING_PUBLIC_KEY_CONFIG);
    }
}
