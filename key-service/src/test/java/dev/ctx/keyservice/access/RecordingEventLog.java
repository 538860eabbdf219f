package dev.ctx.keyservice.access;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ctx.keyservice.audit.EventBatchCommit;
import dev.ctx.schemas.access.AccessEvent;

/** An in-process event log for unit tests: keeps committed batches; can be made to fail every commit. */
final class RecordingEventLog implements EventBatchCommit {

    final List<List<AccessEvent>> batches = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void commit(List<AccessEvent> batch) {
        if (failing) {
            throw new IllegalStateException("broker away");
        }
        batches.add(List.copyOf(batch));
    }

    List<AccessEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }
}
