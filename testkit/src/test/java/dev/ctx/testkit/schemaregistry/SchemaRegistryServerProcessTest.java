package dev.ctx.testkit.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.schemas.serde.AvroSerdeConfig;
import dev.ctx.schemas.serde.ConfluentAvroSerde;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

/** {@link SchemaRegistryServer#main} serves a registry from a separate JVM that two serdes share. */
class SchemaRegistryServerProcessTest {

    @Test
    @Timeout(120)
    void serdesInThisJvmShareARegistryRunningInAChildJvm(@TempDir Path directory) throws Exception {
        // Given
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        SchemaRegistryServer.class.getName(),
                        "--basic-auth",
                        "svc:pw"))
                .redirectError(directory.resolve("registry.err").toFile())
                .start();
        try {
            String url = firstUrlLine(child);
            Map<String, Object> config = Map.of(
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                    url,
                    "basic.auth.credentials.source",
                    "USER_INFO",
                    AvroSerdeConfig.BASIC_AUTH_USER_INFO,
                    "svc:pw");
            ConfluentAvroSerde<Transaction> producerSide =
                    ConfluentAvroSerdes.forClass(Transaction.class, config, false);
            ConfluentAvroSerde<Transaction> consumerSide =
                    ConfluentAvroSerdes.forClass(Transaction.class, config, false);
            Transaction original = minimalTransaction();
            // When
            Transaction decoded =
                    consumerSide.deserialize("transactions", producerSide.serialize("transactions", original));
            // Then
            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(decoded).isEqualTo(original);
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String firstUrlLine(Process child) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("http://")) {
                return line.trim();
            }
        }
        throw new IllegalStateException("registry process exited without printing its URL");
    }

    private static Transaction minimalTransaction() {
        return Transaction.newBuilder()
                .setTransactionId("txn-x")
                .setJobId("job-x")
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_123L))
                .setStatus(TransactionStatus.PENDING)
                .setAmount(new BigDecimal("0.00000001"))
                .setCurrency("EUR")
                .setPricing(Pricing.newBuilder()
                        .setUnitPrice(BigDecimal.ONE.setScale(8))
                        .setQuantity(BigDecimal.ONE.setScale(8))
                        .setFee(BigDecimal.ZERO.setScale(8))
                        .setPricingModel("flat")
                        .build())
                .setSettlementDetails(SettlementDetails.newBuilder()
                        .setMethod("card")
                        .setAccountReference("a")
                        .build())
                .setParticipants(List.of("p"))
                .setAccessPolicy(AccessPolicy.newBuilder().build())
                .build();
    }
}
