package dev.ctx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.schemas.serde.ConfluentAvroSerdes;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.testkit.kafka.SharedKafka;
import dev.ctx.testkit.schemaregistry.SchemaRegistryServer;

class ProduceCommandIT {

    @Test
    void producesTheRequestedNumberOfDecodableTransactions() {
        // Given
        String topic = SharedKafka.uniqueName("cli-produce");
        try (SchemaRegistryServer registry =
                SchemaRegistryServer.builder().build().start()) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = Ctx.commandLine();
            commandLine.setOut(new PrintWriter(out, true));

            // When
            int exit = commandLine.execute(
                    "produce",
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url(),
                    "--topic",
                    topic,
                    "-n",
                    "25",
                    "--participants",
                    "a,b,c");

            // Then
            assertThat(exit).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("produced 25 transactions to " + topic);
            assertThat(read(topic, registry.url(), 25))
                    .hasSize(25)
                    .allSatisfy(transaction ->
                            assertThat(transaction.getParticipants()).isSubsetOf("a", "b", "c"));
        }
    }

    @Test
    void producesEveryLineOfAJsonLinesFile() {
        // Given
        String topic = SharedKafka.uniqueName("cli-produce-file");
        try (SchemaRegistryServer registry =
                SchemaRegistryServer.builder().build().start()) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = Ctx.commandLine();
            commandLine.setOut(new PrintWriter(out, true));

            // When
            int exit = commandLine.execute(
                    "produce",
                    "--bootstrap-servers",
                    SharedKafka.bootstrapServers(),
                    "--registry-url",
                    registry.url(),
                    "--topic",
                    topic,
                    "--file",
                    "src/test/resources/jsonl/two-transactions.jsonl");

            // Then
            assertThat(exit).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("produced 2 transactions to " + topic);
            assertThat(read(topic, registry.url(), 2))
                    .extracting(Transaction::getTransactionId)
                    .containsExactlyInAnyOrder("t-1", "t-2");
        }
    }

    private static List<Transaction> read(String topic, String registryUrl, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                SharedKafka.uniqueName("cli-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<Transaction> values = new ArrayList<>();
        try (KafkaConsumer<String, Transaction> consumer = new KafkaConsumer<>(
                config,
                new StringDeserializer(),
                ConfluentAvroSerdes.forClass(Transaction.class, Map.of("schema.registry.url", registryUrl), false)
                        .deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
