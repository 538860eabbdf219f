package dev.ctx.keyservice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;

class DenialEventQueueTest {

    private final AccessEvents events = new AccessEvents("key-service/test", Clock.systemUTC());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private AccessEvent denial(int i) {
        return events.denied(
                AccessEventType.AUTHENTICATION_FAILED,
                "/v1/participants/p" + i,
                new AuditContext("anonymous", "10.0.0.1", null),
                "bad token",
                Map.of());
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheSubmitter() throws Exception {
        // Given: a writer stuck on its first batch, and room for 3 more events
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        List<AccessEvent> written = new CopyOnWriteArrayList<>();
        try (DenialEventQueue queue = DenialEventQueue.start(
                3,
                10,
                batch -> {
                    writing.countDown();
                    await(release);
                    written.addAll(batch);
                },
                meters)) {
            queue.submit(denial(0));
            assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

            // When
            long started = System.nanoTime();
            for (int i = 1; i <= 10; i++) {
                queue.submit(denial(i));
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            // Then
            assertThat(elapsedMs).as("submit never waits for the writer").isLessThan(1_000);
            assertThat(queue.droppedCount()).isEqualTo(7);
            assertThat(meters.get("ctx.keyservice.denial.events.dropped")
                            .counter()
                            .count())
                    .isEqualTo(7);
            release.countDown();
        }
        assertThat(written)
                .hasSize(4)
                .extracting(AccessEvent::getSubject)
                .containsExactly(
                        "/v1/participants/p0", "/v1/participants/p1", "/v1/participants/p2", "/v1/participants/p3");
    }

    @Test
    void writesQueuedEventsInBatchesOfAtMostMaxBatch() throws Exception {
        // Given
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (DenialEventQueue queue = DenialEventQueue.start(
                100,
                4,
                batch -> {
                    await(release);
                    batchSizes.add(batch.size());
                },
                meters)) {
            // When
            for (int i = 0; i < 21; i++) {
                queue.submit(denial(i));
            }
            release.countDown();
            queue.close(Duration.ofSeconds(5));
        }

        // Then
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 4));
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(21);
        assertThat(batchSizes.size()).as("batched, not one write per event").isLessThan(21);
    }

    @Test
    void aFailingWriterIsCountedAndTheQueueKeepsDraining() throws Exception {
        // Given
        List<AccessEvent> written = new CopyOnWriteArrayList<>();
        CountDownLatch second = new CountDownLatch(1);
        try (DenialEventQueue queue = DenialEventQueue.start(
                100,
                1,
                batch -> {
                    if (batch.get(0).getSubject().endsWith("p0")) {
                        throw new IllegalStateException("broker away");
                    }
                    written.addAll(batch);
                    second.countDown();
                },
                meters)) {
            // When
            queue.submit(denial(0));
            queue.submit(denial(1));

            // Then
            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(queue.failedCount()).isEqualTo(1);
            assertThat(written).extracting(AccessEvent::getSubject).containsExactly("/v1/participants/p1");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
