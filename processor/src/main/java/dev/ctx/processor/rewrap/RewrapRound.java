package dev.ctx.processor.rewrap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.processor.encrypt.AccessEvents;
import dev.ctx.processor.rewrap.PendingRewraps.Pending;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * One punctuation's worth of rewraps: up to {@code batchSize} queued items, one key-service call per (participant,
 * target version) among them. An answer is written only if the envelope held is still the generation it was computed
 * from, with the wrap that was sent; otherwise the item stays queued and is recomputed from the new generation.
 */
final class RewrapRound {

    private static final Logger LOGGER = LoggerFactory.getLogger(RewrapRound.class);

    private record Target(String participant, int toVersion) {}

    private final RewrapSettings settings;
    private final ProcessorContext<String, Object> context;
    private final EnvelopeIndex index;
    private final PendingRewraps pending;
    private final RewrapFailures failures;

    RewrapRound(
            RewrapSettings settings,
            ProcessorContext<String, Object> context,
            EnvelopeIndex index,
            PendingRewraps pending,
            String envelopesTopic) {
        this.settings = settings;
        this.context = context;
        this.index = index;
        this.pending = pending;
        this.failures = new RewrapFailures(settings, context, envelopesTopic);
    }

    void run(long now) {
        Map<Target, List<RewrapItem>> batches = new LinkedHashMap<>();
        for (Pending item : pending.next(settings.batchSize())) {
            itemOf(item)
                    .ifPresent(found -> batches.computeIfAbsent(
                                    new Target(item.participant(), item.toVersion()), target -> new ArrayList<>())
                            .add(found));
        }
        for (Map.Entry<Target, List<RewrapItem>> batch : batches.entrySet()) {
            if (!send(batch.getKey(), batch.getValue(), now)) {
                return;
            }
        }
    }

    /** The item to send, or empty (and dequeued) when the envelope is gone or already on the target version. */
    private Optional<RewrapItem> itemOf(Pending item) {
        Optional<RewrapItem> found = index.envelope(item.transactionId())
                .flatMap(envelope -> EnvelopeIndex.wrapOf(envelope, item.participant())
                        .filter(wrap -> wrap.getKeyVersion() < item.toVersion())
                        .map(wrap -> new RewrapItem(item.transactionId(), envelope.getGeneration(), wrap)));
        if (found.isEmpty()) {
            pending.remove(item.participant(), item.transactionId());
        }
        return found;
    }

    /** Sends one batch and applies its answers; false if the key service is unavailable (stop this round). */
    private boolean send(Target target, List<RewrapItem> items, long now) {
        List<RewrapResult> results;
        try {
            results = settings.client().rewrap(new RewrapRequest(target.participant(), target.toVersion(), items));
        } catch (RewrapUnavailableException unavailable) {
            warn(target, items.size(), "key service unavailable; the batch stays queued");
            items.forEach(item -> settings.metrics().retried(target.participant()));
            return false;
        } catch (RewrapVersionConflictException conflict) {
            warn(target, items.size(), "target version is not current at the key service; the batch stays queued");
            return true;
        }
        if (results.size() != items.size()) {
            warn(target, items.size(), "answer does not hold one result per item; the batch stays queued");
            return true;
        }
        Instant at = Instant.ofEpochMilli(now);
        for (int i = 0; i < items.size(); i++) {
            apply(target, items.get(i), results.get(i), at, now);
        }
        return true;
    }

    private void apply(Target target, RewrapItem item, RewrapResult result, Instant at, long now) {
        String participant = target.participant();
        if (!result.transactionId().equals(item.transactionId()) || result.generation() != item.generation()) {
            settings.metrics().retried(participant);
            return;
        }
        if (result.error() != null) {
            if (result.error().retryLater()) {
                settings.metrics().retried(participant);
            } else {
                failures.failed(
                        target.participant(),
                        target.toVersion(),
                        item,
                        result.error().name(),
                        now);
                pending.remove(participant, item.transactionId());
            }
            return;
        }
        RecipientWrap wrap = result.wrap();
        if (!wrap.getRecipientId().equals(participant) || wrap.getKeyVersion() != target.toVersion()) {
            failures.failed(participant, target.toVersion(), item, "ANSWER_MISMATCH", now);
            pending.remove(participant, item.transactionId());
            return;
        }
        Optional<Envelope> current = index.envelope(item.transactionId());
        if (current.isEmpty() || !stillComputedFrom(current.get(), item, participant)) {
            // changed meanwhile: never written over another generation; the item stays queued and is recomputed
            settings.metrics().retried(participant);
            return;
        }
        write(current.get(), item, wrap, result.viaEscrowKey(), at, now);
        pending.remove(participant, item.transactionId());
    }

    private static boolean stillComputedFrom(Envelope envelope, RewrapItem item, String participant) {
        return envelope.getGeneration() == item.generation()
                && EnvelopeIndex.wrapOf(envelope, participant)
                        .map(held -> held.equals(item.wrap()))
                        .orElse(false);
    }

    private void write(
            Envelope current, RewrapItem item, RecipientWrap wrap, boolean viaEscrowKey, Instant at, long now) {
        Envelope next = NextGeneration.of(current, wrap, at);
        context.forward(new Record<String, Object>(item.transactionId(), next, now), RewrapProcessor.ENVELOPES_SINK);
        context.forward(
                new Record<String, Object>(
                        item.transactionId(),
                        AccessEvents.rewrapped(
                                item.transactionId(),
                                wrap.getRecipientId(),
                                item.wrap().getKeyVersion(),
                                wrap.getKeyVersion(),
                                next.getGeneration(),
                                viaEscrowKey,
                                settings.source(),
                                at),
                        now),
                RewrapProcessor.EVENTS_SINK);
        index.put(next);
        settings.metrics().rewrapped(wrap.getRecipientId());
    }

    private static void warn(Target target, int items, String message) {
        LOGGER.atWarn()
                .addKeyValue("participant", target.participant())
                .addKeyValue("toVersion", target.toVersion())
                .addKeyValue("items", items)
                .log(message);
    }
}
