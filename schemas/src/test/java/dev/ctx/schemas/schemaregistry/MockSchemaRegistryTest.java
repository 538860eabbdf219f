package dev.ctx.schemas.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    @AfterEach
    void dropScopes() {
        MockSchemaRegistry.dropScope("scope-a");
        MockSchemaRegistry.dropScope("scope-b");
    }

    @Test
    void clientsOfOneScopeShareARegistryAndScopesAreIsolated() {
        // Given
        SchemaRegistryClient a1 = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://scope-a"));
        SchemaRegistryClient a2 = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://scope-a"));
        SchemaRegistryClient b = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://scope-b"));
        // When
        int id = a1.register("t-value", TestSchemas.tradeV1());
        // Then
        assertThat(a2.getSchemaById(id)).isEqualTo(TestSchemas.tradeV1());
        assertThatThrownBy(() -> b.getSchemaById(id)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void droppedScopeStartsEmpty() {
        // Given
        MockSchemaRegistry.scope("scope-a").register("t-value", TestSchemas.tradeV1());
        // When
        MockSchemaRegistry.dropScope("scope-a");
        // Then
        assertThat(MockSchemaRegistry.scope("scope-a").subjects()).isEmpty();
    }

    @Test
    void mockUrlMayNotBeMixedWithOtherUrls() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(
                        Map.of("schema.registry.url", "mock://scope-a,http://localhost:8081")))
                .isInstanceOf(ConfigException.class);
    }
}
