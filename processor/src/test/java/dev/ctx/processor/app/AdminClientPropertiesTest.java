package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.TestKeyrings;

class AdminClientPropertiesTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"ctx-processor\" password=\"${file:/etc/ctx/kafka/password.properties:password}\";";

    @Test
    void theTopicAdminClientGetsTheSecuritySettingsOfTheStreamsPassthrough() {
        // Given
        ProcessorConfig config = config(Map.of(
                "streams.security.protocol",
                "SASL_SSL",
                "streams.sasl.mechanism",
                "SCRAM-SHA-512",
                "streams.sasl.jaas.config",
                JAAS,
                "streams.ssl.truststore.location",
                "/etc/ctx/kafka/ca.p12",
                "streams.ssl.truststore.type",
                "PKCS12",
                "streams.ssl.endpoint.identification.algorithm",
                "https",
                "streams.config.providers",
                "file",
                "streams.config.providers.file.class",
                "org.apache.kafka.common.config.provider.FileConfigProvider"));

        // When
        Map<String, Object> props = AdminClientProperties.of(config);

        // Then
        assertThat(props)
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/ctx/kafka/ca.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.endpoint.identification.algorithm", "https")
                .containsEntry("config.providers", "file")
                .containsEntry(
                        "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
    }

    @Test
    void leavesOutStreamsConsumerAndProducerSettingsAndAppliesAdminPrefixedOverridesLast() {
        // Given
        ProcessorConfig config = config(Map.of(
                "streams.commit.interval.ms", "2000",
                "streams.consumer.session.timeout.ms", "6000",
                "streams.producer.transaction.timeout.ms", "5000",
                "streams.max.poll.records", "50",
                "streams.request.timeout.ms", "20000",
                "streams.admin.request.timeout.ms", "40000",
                "streams.admin.retries", "7"));

        // When
        Map<String, Object> props = AdminClientProperties.of(config);

        // Then
        assertThat(props)
                .containsOnlyKeys("bootstrap.servers", "request.timeout.ms", "retries")
                .containsEntry("request.timeout.ms", "40000")
                .containsEntry("retries", "7");
    }

    @Test
    void theResultIsAValidAdminClientConfiguration() {
        // Given
        ProcessorConfig config = config(Map.of(
                "streams.security.protocol",
                "SSL",
                "streams.ssl.keystore.type",
                "PKCS12",
                "streams.application.server",
                "host:1"));

        // When
        AdminClientConfig admin = new AdminClientConfig(AdminClientProperties.of(config));

        // Then
        assertThat(admin.getString("security.protocol")).isEqualTo("SSL");
        assertThat(admin.getString("ssl.keystore.type")).isEqualTo("PKCS12");
        assertThat(admin.originals()).doesNotContainKey("application.server");
    }

    private static ProcessorConfig config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.putAll(TestKeyrings.pins());
        values.put("bootstrap.servers", "kafka-1:9093,kafka-2:9093");
        values.put("schema.registry.url", "mock://admin-client-properties");
        return ProcessorConfig.of(values);
    }
}
