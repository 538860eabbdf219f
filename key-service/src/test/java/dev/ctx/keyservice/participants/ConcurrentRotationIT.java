package dev.ctx.keyservice.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.testing.StoreFixture;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;

class ConcurrentRotationIT {

    private static final AuditContext OPERATOR = new AuditContext("operator-1", null, null);
    private static final ParticipantId ALICE = ParticipantId.parse("alice");

    @TempDir
    Path dir;

    @Test
    void concurrentRotationsOfOneParticipantGetDistinctIncreasingVersionsAndNoneIsLost() throws Exception {
        try (StoreFixture service = StoreFixture.start(dir, Clock.systemUTC())) {
            // Given
            service.registry.register(OPERATOR, ALICE, ParticipantRole.CLIENT, KycStatus.VERIFIED, List.of());
            service.keys.createKey(OPERATOR, ALICE);
            int threads = 6;
            int perThread = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            // When
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Integer>> rotations = () -> IntStream.range(0, perThread)
                        .mapToObj(i -> service.keys.rotate(OPERATOR, ALICE).version())
                        .toList();
                results.add(pool.submit(rotations));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                List<Integer> mine = result.get();
                assertThat(mine).isSorted();
                versions.addAll(mine);
            }
            pool.shutdown();
            // Then
            List<Integer> expected =
                    IntStream.rangeClosed(2, 1 + threads * perThread).boxed().toList();
            assertThat(versions).containsExactlyInAnyOrderElementsOf(expected);
            service.restart();
            assertThat(service.registry.get(ALICE).keys())
                    .extracting(KeyVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 1 + threads * perThread)
                            .boxed()
                            .toList());
            assertThat(service.registry.get(ALICE).currentVersion()).isEqualTo(1 + threads * perThread);
        }
    }
}
