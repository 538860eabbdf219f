package dev.ctx.keyservice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The module README documents what the code defines. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void documentsEveryConfigurationKeyWithItsDefault() throws IOException {
        String readme = Files.readString(README);
        for (ConfigDef.ConfigKey key : KeyServiceConfig.configDef().configKeys().values()) {
            String defaultCell = !key.hasDefault()
                    ? "(required)"
                    : key.defaultValue == null ? "(unset)" : "`" + key.defaultValue + "`";
            assertThat(readme).as(key.name).contains("| `" + key.name + "` | " + defaultCell + " |");
        }
    }

    @Test
    void documentsNoKeyTheCodeDoesNotDefine() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Configuration\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        assertThat(section).contains("| key | default |");
        for (String line : section.lines().toList()) {
            if (line.startsWith("| `") && line.indexOf("` |") > 3) {
                String key = line.substring(3, line.indexOf("` |"));
                if (!key.endsWith(".*")) {
                    assertThat(KeyServiceConfig.configDef().names())
                            .as("README row %s", key)
                            .contains(key);
                }
            }
        }
    }
}
