package dev.ctx.keyservice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.ctx.schemas.access.AccessEvent;

class AccessEventCommitterTest {

    private final AccessEvents events = new AccessEvents("key-service/test", Clock.systemUTC());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private AccessEvent decision(int i) {
        return events.accessDecision(
                false,
                "txn-" + i,
                new AuditContext("alice", "10.0.0.1", null),
                "settlement",
                null,
                List.of(),
                "NOT_A_PARTICIPANT: test",
                Map.of());
    }

    @Test
    void concurrentRequestsShareOneTransaction() throws Exception {
        // Given: 50 events submitted while the first batch lingers
        List<List<AccessEvent>> batches = new CopyOnWriteArrayList<>();
        try (AccessEventCommitter committer =
                AccessEventCommitter.start(1000, 500, Duration.ofMillis(300), batches::add, meters)) {
            // When
            List<CompletableFuture<Void>> done = IntStream.range(0, 50)
                    .mapToObj(i -> committer.submit(decision(i)))
                    .toList();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            // Then
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0))
                    .extracting(AccessEvent::getTransactionId)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 50).mapToObj(i -> "txn-" + i).toList());
            assertThat(meters.counter("ctx.keyservice.access.event.batches").count())
                    .isEqualTo(1.0);
            assertThat(meters.counter("ctx.keyservice.access.events.committed").count())
                    .isEqualTo(50.0);
        }
    }

    @Test
    void aBatchHoldsAtMostMaxBatchEvents() throws Exception {
        // Given
        List<List<AccessEvent>> batches = new CopyOnWriteArrayList<>();
        try (AccessEventCommitter committer =
                AccessEventCommitter.start(1000, 8, Duration.ofMillis(200), batches::add, meters)) {
            // When
            List<CompletableFuture<Void>> done = IntStream.range(0, 20)
                    .mapToObj(i -> committer.submit(decision(i)))
                    .toList();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            // Then
            assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(8));
            assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(20);
        }
    }

    @Test
    void aFailedCommitFailsEveryCallerOfItsBatch() throws Exception {
        // Given
        try (AccessEventCommitter committer = AccessEventCommitter.start(
                1000,
                500,
                Duration.ofMillis(300),
                batch -> {
                    throw new IllegalStateException("broker away");
                },
                meters)) {
            // When
            List<CompletableFuture<Void>> done = IntStream.range(0, 10)
                    .mapToObj(i -> committer.submit(decision(i)))
                    .toList();
            // Then
            for (CompletableFuture<Void> future : done) {
                assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(AuditUnavailableException.class);
            }
            assertThatThrownBy(() -> committer.commit(decision(99), Duration.ofSeconds(10)))
                    .isInstanceOf(AuditUnavailableException.class);
            assertThat(meters.counter("ctx.keyservice.access.events.failed").count())
                    .isEqualTo(11.0);
        }
    }

    @Test
    void aFullQueueFailsAtOnceWithoutWaiting() throws Exception {
        // Given: a commit stuck on its first batch, and room for 2 more events
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch committing = new CountDownLatch(1);
        try (AccessEventCommitter committer = AccessEventCommitter.start(
                2,
                1,
                Duration.ZERO,
                batch -> {
                    committing.countDown();
                    awaitQuietly(release);
                },
                meters)) {
            CompletableFuture<Void> first = committer.submit(decision(0));
            assertThat(committing.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> queued =
                    new ArrayList<>(List.of(committer.submit(decision(1)), committer.submit(decision(2))));
            // When
            long start = System.nanoTime();
            CompletableFuture<Void> refused = committer.submit(decision(3));
            // Then
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::get).hasCauseInstanceOf(AuditUnavailableException.class);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Void> future : queued) {
                future.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aCallerWaitsNoLongerThanItsTimeout() throws Exception {
        // Given
        CountDownLatch release = new CountDownLatch(1);
        try (AccessEventCommitter committer =
                AccessEventCommitter.start(10, 10, Duration.ZERO, batch -> awaitQuietly(release), meters)) {
            // When / Then
            assertThatThrownBy(() -> committer.commit(decision(0), Duration.ofMillis(200)))
                    .isInstanceOf(AuditUnavailableException.class);
            release.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
