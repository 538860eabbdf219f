package dev.ctx.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.ctx.processor.config.ProcessorConfig;
import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.schemas.confidential.ConfidentialFields;
import dev.ctx.schemas.confidential.SealedSchemaNotRegisteredException;
import dev.ctx.schemas.confidential.SealedSchemaPublisher;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;

/**
 * Startup publishes the sealed record's schema under its own subject before it touches Kafka; with
 * {@code auto.register.schemas=false} it only looks it up and refuses to start without it.
 */
class SealedSchemaStartupTest {

    private static final String SCOPE = "sealed-schema-startup";
    private static final String SUBJECT = "dev.ctx.schemas.transaction.ConfidentialFields";

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void withAutoRegisterStartupRegistersTheSealedSchemaUnderItsSubject() {
        // Given
        ProcessorConfig config = config(Map.of());

        // When
        int id = ProcessorApplication.publishSealedSchema(config);

        // Then
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        assertThat(registry.getLatestVersion(SUBJECT).id()).isEqualTo(id);
        assertThat(registry.getLatestVersion(SUBJECT).schema())
                .isEqualTo(ConfidentialFields.ofTransaction().schema());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutAutoRegisterAMissingSealedSchemaStopsStartupBeforeKafkaIsContacted() {
        // Given: no broker at 127.0.0.1:9, so reaching the topic step would fail differently
        ProcessorConfig config = config(Map.of("serde.auto.register.schemas", "false"));

        // When / Then
        assertThatThrownBy(() -> ProcessorApplication.start(config).close())
                .isInstanceOf(SealedSchemaNotRegisteredException.class)
                .hasMessageContaining(SUBJECT);
        assertThat(MockSchemaRegistry.scope(SCOPE).subjects()).isEmpty();
    }

    @Test
    void withoutAutoRegisterARegisteredSealedSchemaIsFound() {
        // Given
        int registered = MockSchemaRegistry.scope(SCOPE)
                .register(SUBJECT, ConfidentialFields.ofTransaction().schema());
        ProcessorConfig config = config(Map.of("serde.auto.register.schemas", "false"));

        // When
        int found = ProcessorApplication.publishSealedSchema(config);

        // Then
        assertThat(found).isEqualTo(registered);
        assertThat(SealedSchemaPublisher.subjectOf(
                        ConfidentialFields.ofTransaction().schema()))
                .isEqualTo(SUBJECT);
    }

    private static ProcessorConfig config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(TestKeyrings.pins());
        values.putAll(Map.of(
                "bootstrap.servers", "127.0.0.1:9", "schema.registry.url", "mock://" + SCOPE, "metrics.port", "0"));
        values.putAll(extra);
        return ProcessorConfig.of(values);
    }
}
