package dev.ctx.schemas.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InMemorySchemaRegistryTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void registeringIsIdempotentAndIdsAreStablePerSchemaAcrossSubjects() {
        // Given
        int first = registry.register("a-value", TestSchemas.tradeV1());
        // When
        int again = registry.register("a-value", TestSchemas.tradeV1());
        int otherSubject = registry.register("b-value", TestSchemas.tradeV1());
        int otherSchema = registry.register("a-value", TestSchemas.tradeV2WithDefault());
        // Then
        assertThat(again).isEqualTo(first).isEqualTo(otherSubject);
        assertThat(otherSchema).isNotEqualTo(first);
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.getLatestVersion("a-value"))
                .isEqualTo(new RegisteredSchema("a-value", 2, otherSchema, TestSchemas.tradeV2WithDefault()));
    }

    @Test
    void backwardCompatibleAdditionWithDefaultIsAccepted() {
        // Given
        registry.register("t-value", TestSchemas.tradeV1());
        // When / Then
        assertThat(registry.testCompatibility("t-value", TestSchemas.tradeV2WithDefault()))
                .isTrue();
        assertThat(registry.register("t-value", TestSchemas.tradeV2WithDefault()))
                .isPositive();
    }

    @Test
    void fieldAddedWithoutDefaultIsRejectedWithError409() {
        // Given
        registry.register("t-value", TestSchemas.tradeV1());
        // When / Then
        assertThat(registry.testCompatibility("t-value", TestSchemas.tradeV2WithoutDefault()))
                .isFalse();
        assertThatThrownBy(() -> registry.register("t-value", TestSchemas.tradeV2WithoutDefault()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(409));
    }

    @Test
    void levelNoneAcceptsABreakingChange() {
        // Given
        registry.register("t-value", TestSchemas.tradeV1());
        registry.setCompatibility("t-value", CompatibilityLevel.NONE);
        // When / Then
        assertThat(registry.register("t-value", TestSchemas.tradeV2WithoutDefault()))
                .isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BACKWARD,true,false", "FORWARD,true,true", "FULL,true,false", "NONE,true,true"})
    void levelsDecideWithAvroSchemaCompatibility(
            CompatibilityLevel level, boolean addWithDefault, boolean addWithoutDefault) {
        // Given
        List<Schema> history = List.of(TestSchemas.tradeV1());
        // When / Then
        assertThat(level.isCompatible(TestSchemas.tradeV2WithDefault(), history))
                .isEqualTo(addWithDefault);
        assertThat(level.isCompatible(TestSchemas.tradeV2WithoutDefault(), history))
                .isEqualTo(addWithoutDefault);
    }

    @Test
    void lookupsOfUnknownThingsCarryConfluentErrorCodes() {
        // Given
        registry.register("t-value", TestSchemas.tradeV1());
        // When / Then
        assertThatThrownBy(() -> registry.getLatestVersion("missing-value"))
                .isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> registry.getVersion("t-value", 2))
                .isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> registry.getSchemaById(999))
                .isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.getId("t-value", TestSchemas.tradeV2WithDefault()))
                .isInstanceOf(SchemaNotFoundException.class)
                .satisfies(e ->
                        assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
    }

    @Test
    void registerWithIdPinsTheIdAndRefusesConflicts() {
        // When
        int id = registry.registerWithId("t-value", TestSchemas.tradeV1(), 0x01020304);
        // Then
        assertThat(id).isEqualTo(0x01020304);
        assertThat(registry.getSchemaById(0x01020304)).isEqualTo(TestSchemas.tradeV1());
        assertThatThrownBy(() -> registry.registerWithId("t-value", TestSchemas.tradeV2WithDefault(), 0x01020304))
                .isInstanceOf(IllegalStateException.class);
    }
}
