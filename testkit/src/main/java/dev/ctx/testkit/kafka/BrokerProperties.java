package dev.ctx.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The server.properties of a single-node KRaft broker (broker and controller in one node) on 127.0.0.1. */
public final class BrokerProperties {

    private BrokerProperties() {}

    /**
     * Builds the properties of a one-node cluster.
     *
     * @param port the client listener port
     * @param controllerPort the controller listener port
     * @param dataDir the log directory
     * @param overrides extra broker settings, applied last
     */
    public static Properties singleNode(int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("group.streams.initial.rebalance.delay.ms", "0");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "3000");
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.putAll(overrides);
        return props;
    }

    /** A free TCP port on the loopback interface (a small bind race is accepted). */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * A free loopback port whose successor is free too, for a broker that binds both (listener on the port, controller
     * on the next, as the demo's does): a bind failure of an embedded broker's controller exits the whole JVM.
     */
    public static int freeLoopbackPortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeLoopbackPort();
            if (port < 65535 && bindable(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free loopback ports");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
