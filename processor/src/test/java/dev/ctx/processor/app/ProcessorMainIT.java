package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.testkit.kafka.SharedKafka;

class ProcessorMainIT {

    @Test
    void refusesAnInvalidStreamsOverrideNamingItsKey() throws Exception {
        // Given
        String suffix = SharedKafka.uniqueName("");
        Path file = Files.writeString(dir.resolve("p.properties"), String.join("\n",
                "schema.registry.url=mock://" + suffix,
                "metrics.host=127.0.0.1",
                "metrics.port=0",
                "application.id=invalid-override" + suffix,
                "topics.create=false",
                "streams.num.standby.replicas=many", ""));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // When
        int exit = ProcessorMain.run(new String[] {"--config", file.toString()},
                Map.of("CTX_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("num.standby.replicas");
    }

    @TempDir
    Path dir;

    @Test
    void refusesToStartNamingEveryMissingTopicWhenCreationIsDisabled() throws Exception {
        // Given
        String suffix = SharedKafka.uniqueName("");
        Path file = Files.writeString(dir.resolve("p.properties"), String.join("\n",
                "schema.registry.url=mock://" + suffix,
                "topics.create=false",
                "metrics.host=127.0.0.1",
                "metrics.port=0",
                "topic.transactions=tx" + suffix,
                "topic.envelopes=env" + suffix, ""));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // When
        int exit = ProcessorMain.run(new String[] {"--config", file.toString()},
                Map.of("CTX_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing topics").contains("tx" + suffix)
                .contains("env" + suffix);
    }
}
