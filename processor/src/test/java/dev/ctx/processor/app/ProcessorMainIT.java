package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.schemaregistry.MockRegistryOptIn;
import dev.ctx.testkit.kafka.SharedKafka;

/** {@code ProcessorMain} against the shared broker: startup problems end in a clear message and exit code. */
class ProcessorMainIT {

    private final String suffix = SharedKafka.uniqueName("");
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void refusesAnInvalidStreamsOverrideNamingItsKey() throws Exception {
        // When
        int exit = run("application.id=invalid-override" + suffix, "streams.num.standby.replicas=many");

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_USAGE);
        assertThat(printed()).contains("num.standby.replicas");
    }

    @Test
    void refusesToStartNamingEveryMissingTopicWhenCreationIsDisabled() throws Exception {
        // When
        int exit = run("topic.transactions=tx" + suffix, "topic.envelopes=env" + suffix);

        // Then
        assertThat(exit).isEqualTo(ProcessorMain.EXIT_FAILED);
        assertThat(printed()).contains("Missing topics").contains("tx" + suffix).contains("env" + suffix);
    }

    /** Runs main with a config file of the common lines plus {@code lines}, topic creation disabled. */
    private int run(String... lines) throws IOException, InterruptedException {
        List<String> config = new ArrayList<>(List.of(
                "schema.registry.url=mock://" + suffix,
                "topics.create=false",
                "metrics.host=127.0.0.1",
                "metrics.port=0"));
        config.addAll(List.of(lines));
        config.addAll(TestKeyrings.pinsProperties().lines().toList());
        Path file = Files.write(dir.resolve("p.properties"), config);
        return ProcessorMain.run(
                new String[] {"--config", file.toString()},
                Map.of("CTX_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                MockRegistryOptIn.ALLOW_FOR_DEMO_OR_BENCHMARK_ONLY);
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
