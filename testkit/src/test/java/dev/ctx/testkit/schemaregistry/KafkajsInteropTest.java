package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.schemas.dlq.DeadLetter;
import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.Transaction;

/**
 * Cross-language check with {@code @kafkajs/confluent-schema-registry@4.1.0} (Node, via avsc) against our test
 * registry server: it decodes our golden bytes, and our serde decodes what it encodes.
 */
class KafkajsInteropTest {

    private SchemaRegistryServer server;

    @BeforeEach
    void start() throws Exception {
        NodeInterop.requireInstalled();
        server = SchemaRegistryServer.builder().build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void kafkajsDecodesOurGoldenTransaction() throws Exception {
        // Given
        server.registry()
                .registerWithId("golden-value", Transaction.getClassSchema(), InteropFixtures.GOLDEN_SCHEMA_ID);
        // When
        List<String> lines = NodeInterop.interop(
                "decode",
                server.url(),
                InteropFixtures.goldenFile("transaction-v1.hex")
                        .toAbsolutePath()
                        .toString());
        // Then
        JsonNode decoded = new ObjectMapper().readTree(lines.get(0));
        assertThat(decoded.path("transactionId").asText()).isEqualTo("txn-0001");
        assertThat(decoded.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(decoded.path("timestamp").asLong())
                .isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli());
        assertThat(decoded.path("amount").path("hex").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(
                                new BigDecimal("12345.67890123").unscaledValue().toByteArray()));
        assertThat(decoded.path("participants").toString()).isEqualTo("[\"client-1\",\"miner-9\"]");
        assertThat(decoded.path("pricing").path("attributes").path("tier").asText())
                .isEqualTo("gold");
    }

    @Test
    void ourSerdeDecodesWhatKafkajsEncodes() throws Exception {
        // Given
        server.registry().register("transactions.dlq-value", DeadLetter.getClassSchema());
        // When
        String hex = NodeInterop.interop("encode-dead-letter", server.url(), "transactions.dlq-value")
                .get(0);
        // Then
        DeadLetter decoded = ConfluentAvroSerdes.forClass(
                        DeadLetter.class, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false)
                .deserialize("transactions.dlq", HexFormat.of().parseHex(hex));
        assertThat(decoded.getSourcePartition()).isEqualTo(3);
        assertThat(decoded.getSourceOffset()).isEqualTo(42L);
        assertThat(decoded.getTransactionId()).isEqualTo("txn-js");
        assertThat(decoded.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1767225600000L));
        assertThat(decoded.getDetail()).isNull();
    }
}
