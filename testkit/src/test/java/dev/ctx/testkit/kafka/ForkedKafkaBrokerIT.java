package dev.ctx.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveSigkillAndSendsDuringTheOutageAreDeliveredOnce() throws Exception {
        // Given
        try (ForkedKafkaBroker broker = new ForkedKafkaBroker(dir.resolve("forked"), Map.of()).start();
                KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
            String topic = SharedKafka.uniqueName("crash");
            KafkaTestClients.send(producer, topic, 0, 100);
            long pidBefore = broker.pid();

            // When
            broker.kill();
            List<Future<RecordMetadata>> duringOutage = new ArrayList<>();
            for (int i = 100; i < 120; i++) {
                duringOutage.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
            }
            broker.start();
            for (Future<RecordMetadata> ack : duringOutage) {
                ack.get(120, TimeUnit.SECONDS);
            }

            // Then
            assertThat(broker.pid()).isPositive().isNotEqualTo(pidBefore);
            List<String> values = KafkaTestClients.readAll(broker.bootstrapServers(), topic, 120, "read_committed");
            assertThat(values).hasSize(120).doesNotHaveDuplicates().contains("v0", "v99", "v100", "v119");
        }
    }
}
