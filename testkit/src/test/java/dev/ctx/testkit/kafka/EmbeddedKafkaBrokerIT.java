package dev.ctx.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void producedRecordsAreConsumedAndSurviveARestartOnTheSameLogDir() throws Exception {
        // Given
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), Map.of()).start()) {
            String topic = SharedKafka.uniqueName("restart");
            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
                KafkaTestClients.send(producer, topic, 0, 50);
            }

            // When
            broker.stop();
            broker.start();

            // Then
            assertThat(KafkaTestClients.readAll(broker.bootstrapServers(), topic, 50, "read_committed"))
                    .hasSize(50)
                    .startsWith("v0")
                    .endsWith("v49");
        }
    }

    @Test
    void compactedTopicsKeepTheirCleanupPolicy() throws Exception {
        // Given
        String bootstrap = SharedKafka.bootstrapServers();
        String topic = SharedKafka.uniqueName("compacted");

        // When
        KafkaTestClients.createTopic(
                bootstrap,
                new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

        // Then
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    @Test
    void brokerListensOnLoopbackOnly() throws Exception {
        // Given
        String bootstrap = SharedKafka.bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        Optional<InetAddress> external = firstNonLoopbackAddress();

        // Then
        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(connects(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
                .isTrue();
        external.ifPresent(address -> assertThat(connects(new InetSocketAddress(address, port)))
                .as("port %d must not be reachable on %s", port, address)
                .isFalse());
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> firstNonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Optional<InetAddress> address = nic.inetAddresses()
                        .filter(a -> a instanceof Inet4Address)
                        .findFirst();
                if (address.isPresent()) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }
}
