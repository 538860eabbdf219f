package dev.ctx.keyservice.lookup;

import java.time.Duration;
import java.util.OptionalInt;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls until the view's topics exist (the processor creates them, possibly after the key service started), then
 * records their partition count and starts the view; topics that are not co-partitioned fail the view for good.
 */
final class TopicWaiter implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicWaiter.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final ViewSettings settings;
    private final ViewCoverage coverage;
    private final Runnable start;

    TopicWaiter(ViewSettings settings, ViewCoverage coverage, Runnable start) {
        this.settings = settings;
        this.coverage = coverage;
        this.start = start;
    }

    @Override
    public void run() {
        try (Admin admin = Admin.create(settings.kafkaClient())) {
            while (!Thread.currentThread().isInterrupted()) {
                if (startIfReady(admin)) {
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean startIfReady(Admin admin) {
        try {
            OptionalInt partitions = CoPartitioning.check(admin, settings.topics(), settings.timeout());
            if (partitions.isEmpty()) {
                return false;
            }
            coverage.expect(partitions.getAsInt());
            start.run();
            LOGGER.atInfo().addKeyValue("partitions", partitions.getAsInt()).log("transaction view started");
        } catch (ViewTopicsException e) {
            coverage.fail(e.getMessage());
            LOGGER.atError().addKeyValue("topics", settings.topics()).log(e.getMessage());
        } catch (LookupUnavailableException e) {
            return false;
        } catch (IllegalStateException e) {
            // closed meanwhile
            LOGGER.atDebug().log("transaction view closed before its topics appeared");
        }
        return true;
    }
}
