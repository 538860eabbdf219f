package dev.ctx.keyservice.audit;

import dev.ctx.schemas.access.AccessEvent;

/**
 * Where denied-request events ({@code AUTHENTICATION_FAILED}, {@code ACCESS_DENIED}) go. Submitting never blocks and
 * never throws: a denied request is answered 401/403 whether or not its event could be queued.
 */
@FunctionalInterface
public interface DenialSink {

    /** Queues {@code event} for writing, or counts it as dropped when the queue is full. */
    void submit(AccessEvent event);
}
