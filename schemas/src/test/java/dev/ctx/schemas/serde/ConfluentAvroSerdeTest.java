package dev.ctx.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.schemaregistry.InMemorySchemaRegistry;
import dev.ctx.schemas.schemaregistry.MockSchemaRegistry;
import dev.ctx.schemas.schemaregistry.SchemaRegistryException;
import dev.ctx.schemas.transaction.Transaction;

class ConfluentAvroSerdeTest {

    private static final String SCOPE = "serde-test";
    private static final String URL = MockSchemaRegistry.URL_PREFIX + SCOPE;

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void roundTripKeepsDecimalsAndInstantsExactly() {
        // Given
        Serde<Transaction> serde =
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", URL), false);
        Transaction original = TestRecords.transaction();
        // When
        Transaction decoded = serde.deserializer()
                .deserialize("transactions", serde.serializer().serialize("transactions", original));
        // Then
        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.getAmount()).isInstanceOf(BigDecimal.class).isEqualByComparingTo("12345.67890123");
        assertThat(decoded.getAmount().scale()).isEqualTo(8);
        assertThat(decoded.getTimestamp()).isInstanceOf(Instant.class).isEqualTo("2026-01-02T03:04:05.678Z");
    }

    @Test
    void valueSerdeRegistersUnderTopicValueSubjectAndKeySerdeUnderTopicKey() {
        // Given
        ConfluentAvroSerde<Transaction> values =
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", URL), false);
        ConfluentAvroSerde<Transaction> keys =
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", URL), true);
        // When
        values.serialize("transactions", TestRecords.transaction());
        keys.serialize("transactions", TestRecords.transaction());
        // Then
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        assertThat(registry.subjects()).containsExactly("transactions-key", "transactions-value");
        assertThat(registry.getLatestVersion("transactions-key").id())
                .isEqualTo(registry.getLatestVersion("transactions-value").id());
    }

    @Test
    void nullSerializesToNullAndNullDeserializesToNull() {
        // Given
        ConfluentAvroSerde<Transaction> serde =
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", URL), false);
        // When / Then
        assertThat(serde.serialize("transactions", null)).isNull();
        assertThat(serde.deserialize("transactions", null)).isNull();
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsWithTheRegistryErrorCode() {
        // Given
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(
                Transaction.class,
                Map.of("schema.registry.url", URL, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"),
                false);
        // When / Then
        assertThatThrownBy(() -> serde.serialize("transactions", TestRecords.transaction()))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageContaining("transactions")
                .satisfies(e -> assertThat(((SchemaLookupException) e).errorCode())
                        .isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void withoutAutoRegisterAPreRegisteredSchemaIsLookedUp() {
        // Given
        int id = MockSchemaRegistry.scope(SCOPE).register("transactions-value", Transaction.getClassSchema());
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(
                Transaction.class,
                Map.of("schema.registry.url", URL, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false),
                false);
        // When
        byte[] bytes = serde.serialize("transactions", TestRecords.transaction());
        // Then
        assertThat(ConfluentWireFormat.schemaId("transactions", bytes)).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredId() {
        // Given
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        registry.register("filler-value", AccessEvent.getClassSchema());
        int id = registry.register("transactions-value", Transaction.getClassSchema());
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(
                Transaction.class,
                Map.of(
                        "schema.registry.url",
                        URL,
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                        "false",
                        AvroSerdeConfig.USE_LATEST_VERSION,
                        "true"),
                false);
        // When
        byte[] bytes = serde.serialize("transactions", TestRecords.transaction());
        // Then
        assertThat(ConfluentWireFormat.schemaId("transactions", bytes))
                .isEqualTo(id)
                .isEqualTo(2);
        assertThat(serde.deserialize("transactions", bytes)).isEqualTo(TestRecords.transaction());
    }

    @Test
    void useLatestVersionRefusesALatestSchemaWithAnotherFieldLayout() {
        // Given
        MockSchemaRegistry.scope(SCOPE).register("transactions-value", AccessEvent.getClassSchema());
        ConfluentAvroSerde<Transaction> serde = ConfluentAvroSerdes.forClass(
                Transaction.class,
                Map.of("schema.registry.url", URL, AvroSerdeConfig.USE_LATEST_VERSION, "true"),
                false);
        // When / Then
        assertThatThrownBy(() -> serde.serialize("transactions", TestRecords.transaction()))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageContaining("field layout");
    }

    @Test
    void recordThatDoesNotEncodeFailsWithoutShowingValues() {
        // Given
        ConfluentAvroSerde<Transaction> serde =
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", URL), false);
        Transaction wrongScale = TestRecords.transaction();
        wrongScale.setAmount(new BigDecimal("987.123456789"));
        // When / Then
        assertThatThrownBy(() -> serde.serialize("transactions", wrongScale))
                .isInstanceOf(UnencodableRecordException.class)
                .hasMessageContaining("topic 'transactions'")
                .hasMessageContaining("scale")
                .hasMessageNotContaining("987");
    }

    @Test
    void decimalWithFewerDigitsThanTheSchemaScaleIsWidenedExactly() {
        // Given
        ConfluentAvroSerde<Transaction> serde =
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", URL), false);
        Transaction shortScale = TestRecords.transaction();
        shortScale.setAmount(new BigDecimal("987.65"));
        // When
        Transaction decoded = serde.deserialize("transactions", serde.serialize("transactions", shortScale));
        // Then
        assertThat(decoded.getAmount()).isEqualTo(new BigDecimal("987.65000000"));
    }

    @Test
    void serdeCreatedByClassNameTakesItsRecordTypeFromTheConfiguration() {
        // Given: as a Kafka client does for value.serializer / value.deserializer class names
        ConfluentAvroSerde<Transaction> serde = new ConfluentAvroSerde<>();
        serde.configure(
                Map.of("schema.registry.url", URL, AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Transaction.class), false);
        // When
        Transaction decoded =
                serde.deserialize("transactions", serde.serialize("transactions", TestRecords.transaction()));
        // Then
        assertThat(decoded).isEqualTo(TestRecords.transaction());
    }

    @Test
    void serdeCreatedByClassNameRejectsAMissingOrNonAvroType() {
        assertThatThrownBy(() -> new ConfluentAvroSerde<>().configure(Map.of("schema.registry.url", URL), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
        assertThatThrownBy(() -> new ConfluentAvroSerde<>()
                        .configure(
                                Map.of(
                                        "schema.registry.url",
                                        URL,
                                        AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE,
                                        "java.lang.String"),
                                true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SpecificRecord");
    }

    @Test
    void useBeforeConfigureIsRejected() {
        // Given
        ConfluentAvroSerde<Transaction> serde = new ConfluentAvroSerde<>(Transaction.class);
        // When / Then
        assertThatThrownBy(() -> serde.serialize("transactions", TestRecords.transaction()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void configureWithoutRegistryUrlFailsAsConfigError() {
        // Given
        ConfluentAvroSerde<Transaction> serde = new ConfluentAvroSerde<>(Transaction.class);
        // When / Then
        assertThatThrownBy(() -> serde.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
