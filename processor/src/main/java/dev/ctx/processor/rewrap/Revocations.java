package dev.ctx.processor.rewrap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.schemas.commands.EnvelopeCommand;
import dev.ctx.schemas.encrypted.Envelope;
import dev.ctx.schemas.encrypted.RecipientWrap;

/**
 * Applies revocations and shreds as the single writer of {@code transactions.envelopes}, inside the stream task (so
 * in the task's Kafka transaction, in the envelope partition's order): a revocation writes the next generation
 * without the revoked wraps and one {@code ACCESS_REVOKED} event per dropped wrap; a shred writes the envelope's
 * tombstone and one {@code SHREDDED} event. Both are remembered ({@link RevocationStores}), so an envelope of a
 * shredded transaction arriving later is tombstoned again and a revoked wrap arriving later is dropped again: nothing
 * this topology or a duplicate command computes afterwards brings a wrap back.
 */
final class Revocations {

    private static final Logger LOGGER = LoggerFactory.getLogger(Revocations.class);

    static final String CAUSE_ACCESS_REVOKED = "ACCESS_REVOKED";
    static final String CAUSE_KEY_REVOKED = "KEY_REVOKED";

    private final ProcessorContext<String, Object> context;
    private final EnvelopeIndex index;
    private final KeyValueStore<String, Integer> indexStore;
    private final KeyValueStore<String, Long> shredded;
    private final KeyValueStore<String, Long> revoked;
    private final String source;

    Revocations(
            ProcessorContext<String, Object> context,
            EnvelopeIndex index,
            KeyValueStore<String, Integer> indexStore,
            KeyValueStore<String, Long> shredded,
            KeyValueStore<String, Long> revoked,
            String source) {
        this.context = context;
        this.index = index;
        this.indexStore = indexStore;
        this.shredded = shredded;
        this.revoked = revoked;
        this.source = source;
    }

    boolean isShredded(String transactionId) {
        return shredded.get(transactionId) != null;
    }

    /**
     * What an arriving envelope becomes before the rewrap index sees it: empty for a shredded transaction (its
     * tombstone is written again), the next generation without the revoked wraps if it holds any, else itself.
     */
    Optional<Envelope> admit(Envelope arriving, long now) {
        String transactionId = arriving.getTransactionId();
        if (isShredded(transactionId)) {
            index.remove(transactionId);
            tombstone(transactionId, now);
            LOGGER.atWarn()
                    .addKeyValue("txnId", transactionId)
                    .addKeyValue("generation", arriving.getGeneration())
                    .log("envelope of a shredded transaction arrived; its tombstone is written again");
            return Optional.empty();
        }
        Optional<Envelope> held = index.envelope(transactionId);
        if (held.isPresent() && held.get().getGeneration() > arriving.getGeneration()) {
            return Optional.of(arriving);
        }
        Set<String> drop = new TreeSet<>();
        for (RecipientWrap wrap : arriving.getWraps()) {
            if (revoked.get(RevocationStores.revokedKey(transactionId, wrap.getRecipientId())) != null) {
                drop.add(wrap.getRecipientId());
            }
        }
        if (drop.isEmpty()) {
            return Optional.of(arriving);
        }
        return Optional.of(
                writeWithout(arriving, drop, CAUSE_ACCESS_REVOKED, null, source, "access revoked earlier", now));
    }

    /** Applies a shred command; a duplicate (already shredded) writes nothing. */
    void shred(EnvelopeCommand command, long now) {
        String transactionId = command.transactionId();
        if (isShredded(transactionId)) {
            info(command, "duplicate shred command; nothing written");
            return;
        }
        Optional<Envelope> held = index.remove(transactionId);
        shredded.put(transactionId, command.issuedAt().toEpochMilli());
        List<String> revokedKeys = new ArrayList<>();
        try (KeyValueIterator<String, Long> entries =
                revoked.prefixScan(RevocationStores.revokedPrefix(transactionId), new StringSerializer())) {
            entries.forEachRemaining(entry -> revokedKeys.add(entry.key));
        }
        revokedKeys.forEach(revoked::delete);
        tombstone(transactionId, now);
        forwardEvent(
                transactionId,
                RevocationEvents.shredded(
                        transactionId,
                        held.map(Envelope::getGeneration).orElse(0),
                        command.commandId().toString(),
                        command.requester(),
                        command.reason(),
                        source,
                        Instant.ofEpochMilli(now)),
                now);
        info(command, held.isPresent() ? "envelope shredded" : "shredded before its envelope arrived");
    }

    /** Applies a revocation of one participant's access to one transaction; a duplicate writes nothing. */
    void revokeAccess(EnvelopeCommand command, long now) {
        String transactionId = command.transactionId();
        String participant = command.participantId();
        if (isShredded(transactionId)) {
            info(command, "revocation for a shredded transaction; nothing written");
            return;
        }
        String key = RevocationStores.revokedKey(transactionId, participant);
        if (revoked.get(key) == null) {
            revoked.put(key, command.issuedAt().toEpochMilli());
        }
        Optional<Envelope> held = index.envelope(transactionId);
        if (held.isEmpty()) {
            info(command, "revocation remembered; applied when the envelope arrives");
            return;
        }
        if (EnvelopeIndex.wrapOf(held.get(), participant).isEmpty()) {
            info(command, "no wrap of the participant in the envelope (duplicate command or not a participant)");
            return;
        }
        writeWithout(
                held.get(),
                Set.of(participant),
                CAUSE_ACCESS_REVOKED,
                command.commandId().toString(),
                command.requester(),
                command.reason(),
                now);
    }

    /**
     * Drops {@code participant}'s wrap under a revoked or destroyed {@code keyVersion} from at most {@code limit}
     * envelopes; returns how many were rewritten.
     */
    int revokeKeyVersion(String participant, int keyVersion, int limit, long now) {
        List<String> transactions = new ArrayList<>();
        try (KeyValueIterator<String, Integer> entries =
                indexStore.prefixScan(RewrapStores.indexKey(participant, keyVersion, ""), new StringSerializer())) {
            while (entries.hasNext() && transactions.size() < limit) {
                transactions.add(RewrapStores.transactionOfIndexKey(entries.next().key));
            }
        }
        int written = 0;
        for (String transactionId : transactions) {
            Optional<Envelope> held = index.envelope(transactionId);
            if (held.isPresent()
                    && EnvelopeIndex.wrapOf(held.get(), participant)
                            .filter(wrap -> wrap.getKeyVersion() == keyVersion)
                            .isPresent()) {
                writeWithout(
                        held.get(),
                        Set.of(participant),
                        CAUSE_KEY_REVOKED,
                        null,
                        source,
                        "key version " + keyVersion + " revoked",
                        now);
                written++;
            }
        }
        return written;
    }

    private Envelope writeWithout(
            Envelope current,
            Set<String> participants,
            String cause,
            String commandId,
            String requester,
            String reason,
            long now) {
        Instant at = Instant.ofEpochMilli(now);
        List<RecipientWrap> dropped = current.getWraps().stream()
                .filter(wrap -> participants.contains(wrap.getRecipientId()))
                .toList();
        Envelope next = Envelope.newBuilder(current)
                .setGeneration(current.getGeneration() + 1)
                .setCreatedAt(at)
                .setWraps(current.getWraps().stream()
                        .filter(wrap -> !participants.contains(wrap.getRecipientId()))
                        .toList())
                .build();
        String transactionId = current.getTransactionId();
        forward(transactionId, next, EnvelopeCommandProcessor.ENVELOPES_SINK, now);
        for (RecipientWrap wrap : dropped) {
            forwardEvent(
                    transactionId,
                    RevocationEvents.accessRevoked(
                            transactionId,
                            wrap.getRecipientId(),
                            wrap.getKeyVersion(),
                            next.getGeneration(),
                            cause,
                            commandId,
                            requester,
                            reason,
                            source,
                            at),
                    now);
            LOGGER.atInfo()
                    .addKeyValue("txnId", transactionId)
                    .addKeyValue("participant", wrap.getRecipientId())
                    .addKeyValue("keyVersion", wrap.getKeyVersion())
                    .addKeyValue("generation", next.getGeneration())
                    .addKeyValue("cause", cause)
                    .log("wrap revoked; next envelope generation written without it");
        }
        index.put(next);
        return next;
    }

    private void tombstone(String transactionId, long now) {
        forward(transactionId, null, EnvelopeCommandProcessor.ENVELOPES_SINK, now);
    }

    private void forwardEvent(String transactionId, Object event, long now) {
        forward(transactionId, event, EnvelopeCommandProcessor.EVENTS_SINK, now);
    }

    private void forward(String transactionId, Object value, String sink, long now) {
        context.forward(new Record<>(transactionId, value, now), sink);
    }

    private static void info(EnvelopeCommand command, String message) {
        LOGGER.atInfo()
                .addKeyValue("txnId", command.transactionId())
                .addKeyValue("commandId", command.commandId())
                .addKeyValue("kind", command.kind())
                .log(message);
    }
}
