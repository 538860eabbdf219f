package dev.ctx.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.dlq.DeadLetterRecords;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.testing.TestKeyrings;

class StreamsPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"exactly_once_v2", "at_least_once"})
    void keyringsAreReadCommittedWhateverTheGuaranteeOrOverrides(String guarantee) {
        // Given
        Map<String, String> values = new HashMap<>(Map.of(
                "bootstrap.servers",
                "127.0.0.1:9092",
                "schema.registry.url",
                "mock://streams-properties",
                "processing.guarantee",
                guarantee,
                "streams.global.consumer.isolation.level",
                "read_uncommitted"));
        values.putAll(TestKeyrings.pins());
        ProcessorConfig config = ProcessorConfig.of(values);
        DeadLetterRecords deadLetters = new DeadLetterRecords(
                "dlq", (topic, value) -> new byte[0], new DeadLetters("test", Clock.systemUTC()), reason -> {});

        // When
        Properties props = StreamsProperties.of(config, deadLetters);

        // Then
        assertThat(new StreamsConfig(props).getGlobalConsumerConfigs("client"))
                .containsEntry("isolation.level", "read_committed");
    }
}
