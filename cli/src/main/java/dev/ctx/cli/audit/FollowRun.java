package dev.ctx.cli.audit;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.client.auditlog.AccessLogFollower;
import dev.ctx.client.auditlog.AccessLogTopics;
import dev.ctx.client.auditlog.ChainBreak;
import dev.ctx.client.auditlog.FollowStatus;
import dev.ctx.client.auditlog.SigningKeys;
import dev.ctx.processor.metrics.PrometheusEndpoint;

/**
 * {@code ctx audit verify --follow}: verifies the log up to now, then every new entry and checkpoint, and serves the
 * {@link FollowMetrics} on {@code GET /metrics} until SIGTERM/Ctrl-C (or an interrupt). A break is printed and logged
 * with its coordinates (partition, offset, kind, never event content); the other partitions are followed on. Exit 0
 * when every partition held, 3 when one broke.
 */
final class FollowRun implements AccessLogFollower.Listener {

    private static final Logger LOGGER = LoggerFactory.getLogger(FollowRun.class);

    private static final long STOP_WAIT_SECONDS = 10;

    private final PrintWriter out;
    private final PrintWriter err;
    private final FollowMetrics metrics;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AccessLogFollower follower;

    FollowRun(
            Map<String, Object> consumerConfig,
            Map<String, Object> serdeConfig,
            AccessLogTopics topics,
            SigningKeys keys,
            PrintWriter out,
            PrintWriter err) {
        this.out = out;
        this.err = err;
        this.metrics = new FollowMetrics(registry);
        this.follower = new AccessLogFollower(consumerConfig, serdeConfig, topics, keys, this);
        metrics.watch(follower);
    }

    /** Serves metrics on {@code host:port} and follows until stopped; the exit code. */
    int run(String host, int port) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    follower.stop();
                    try {
                        stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ctx-audit-follow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, host, port)) {
            err.printf(
                    Locale.ROOT,
                    "ctx audit verify --follow: metrics on http://%s:%d%s%n",
                    host,
                    endpoint.port(),
                    PrometheusEndpoint.PATH);
            err.flush();
            List<FollowStatus> last = follower.run();
            out.println("stopped following");
            printStatus(last);
            stopped.countDown();
            return last.stream().anyMatch(s -> s.broken().isPresent()) ? AuditExitCodes.BROKEN : ExitCodes.OK;
        } finally {
            stopped.countDown();
            removeHook(hook);
            registry.close();
        }
    }

    @Override
    public void assigned(Set<Integer> partitions) {
        metrics.assigned(partitions);
    }

    @Override
    public void caughtUp(List<FollowStatus> status) {
        out.println("caught up with the log; following");
        printStatus(status);
    }

    @Override
    public void broken(ChainBreak chainBreak) {
        metrics.broken(chainBreak);
        LOGGER.atError()
                .addKeyValue("topic", chainBreak.topic())
                .addKeyValue("partition", chainBreak.partition())
                .addKeyValue("offset", chainBreak.offset())
                .addKeyValue("kind", chainBreak.kind())
                .log("access log chain broken: {}", chainBreak.describe());
        out.println("BROKEN " + chainBreak.describe());
        out.flush();
    }

    private void printStatus(List<FollowStatus> status) {
        for (FollowStatus partition : status) {
            out.printf(
                    Locale.ROOT,
                    "partition %d: verified through sequence %d (offset %d), %,d entries and %,d checkpoints"
                            + " verified, lag %,d%s%n",
                    partition.partition(),
                    partition.lastSequence(),
                    partition.lastOffset(),
                    partition.entriesVerified(),
                    partition.checkpointsVerified(),
                    partition.lag(),
                    partition.broken().map(b -> ", BROKEN " + b.kind()).orElse(""));
        }
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }
}
