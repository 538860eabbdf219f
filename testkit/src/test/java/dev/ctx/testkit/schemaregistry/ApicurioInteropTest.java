package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

/**
 * An independent implementation, Apicurio Registry 3.1.7's own {@code AvroKafkaDeserializer}, decodes the bytes our
 * serde writes and the committed golden payloads, fetching writer schemas from our test registry server through
 * Apicurio's v3 API (content id = Confluent id, 4-byte id framing, its defaults).
 */
class ApicurioInteropTest {

    private SchemaRegistryServer server;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.builder().build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void apicurioDecodesWhatOurSerdeWritesThroughTheHttpRegistry() {
        // Given
        Transaction original = Transaction.newBuilder()
                .setTransactionId("txn-interop")
                .setJobId("job-1")
                .setTimestamp(Instant.parse("2026-05-06T07:08:09.010Z"))
                .setStatus(TransactionStatus.PENDING)
                .setAmount(new BigDecimal("42.00000001"))
                .setCurrency("USD")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(new BigDecimal("1.00000000"))
                        .setQuantity(new BigDecimal("42.00000001"))
                        .setFee(BigDecimal.ZERO.setScale(8))
                        .setPricingModel("flat")
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("card")
                        .setAccountReference("acct-1")
                        .build())
                .setParticipants(List.of("p1"))
                .setAccessPolicy(AccessPolicy.newBuilder().build())
                .build();
        byte[] bytes = ConfluentAvroSerdes.forClass(
                        Transaction.class, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false)
                .serialize("transactions", original);
        // When
        Object decoded = apicurioDecode("transactions", bytes);
        // Then
        assertThat(decoded).isInstanceOf(Transaction.class).isEqualTo(original);
    }

    @Test
    void apicurioDecodesTheGoldenTransaction() throws IOException {
        assertGoldenDecodes("transaction-v1.hex", Transaction.getClassSchema(), Transaction.class);
    }

    @Test
    void apicurioDecodesTheGoldenEncryptedTransaction() throws IOException {
        assertGoldenDecodes(
                "encrypted-transaction-v2.hex", EncryptedTransaction.getClassSchema(), EncryptedTransaction.class);
    }

    private <T extends SpecificRecord> void assertGoldenDecodes(String file, Schema schema, Class<T> type)
            throws IOException {
        // Given
        server.registry().registerWithId("golden-value", schema, InteropFixtures.GOLDEN_SCHEMA_ID);
        byte[] golden = InteropFixtures.golden(file);
        // When
        Object decoded = apicurioDecode("golden", golden);
        // Then
        T ours = ConfluentAvroSerdes.forClass(type, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false)
                .deserialize("golden", golden);
        assertThat(decoded).isInstanceOf(type).isEqualTo(ours);
    }

    private Object apicurioDecode(String topic, byte[] bytes) {
        try (AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(
                    Map.of(
                            "apicurio.registry.url",
                            server.url() + "/apis/registry/v3",
                            "apicurio.registry.use-specific-avro-reader",
                            "true"),
                    false);
            return deserializer.deserialize(topic, bytes);
        }
    }
}
