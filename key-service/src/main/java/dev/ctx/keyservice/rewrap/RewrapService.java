package dev.ctx.keyservice.rewrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.envelope.EnvelopeRewrapper;
import dev.ctx.envelope.Recipient;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.ConflictException;
import dev.ctx.keyservice.participants.EscrowRewrapping;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantStates;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Answers a rewrap batch: checks that the target is the participant's (or the escrow key's) current ACTIVE version
 * (409 otherwise), rewraps every item ({@link ItemRewrapper}; one result per item, in order; the escrow key is unsealed
 * at most once per version and batch, only when an item needs it), then commits one {@code REWRAPPED} access event
 * for the batch through the group committer <em>before</em> returning: if it is not committed nothing is returned
 * ({@link dev.ctx.keyservice.audit.AuditUnavailableException}, HTTP 503). Thread-safe.
 */
public final class RewrapService {

    private final ParticipantStates states;
    private final ItemRewrapper items;
    private final EnvelopeRewrapper rewrapper = EnvelopeRewrapper.create();
    private final EscrowRewrapping escrow;
    private final AccessEventCommitter committer;
    private final AccessEvents events;
    private final RewrapSettings settings;
    private final MeterRegistry meters;

    /**
     * @param lookup the encrypted transactions and their newest envelopes
     * @param keys lends the old custodial keys (the cached keys of the access path)
     * @param escrow rewraps escrow wraps with the escrow key (an escrow rotation, or a participant-held old version)
     * @param settings batch limits and how long to wait for the batch's event to commit
     * @param meters where {@code ctx_keyservice_rewrap_items_total{result}} is counted (result {@code REWRAPPED} or
     *     the {@link RewrapError}), once the batch's event committed
     */
    public RewrapService(
            ParticipantStates states,
            TransactionLookup lookup,
            CustodialKeys keys,
            EscrowRewrapping escrow,
            AccessEventCommitter committer,
            AccessEvents events,
            RewrapSettings settings,
            MeterRegistry meters) {
        this.states = Objects.requireNonNull(states, "states");
        this.items = new ItemRewrapper(lookup, keys);
        this.escrow = Objects.requireNonNull(escrow, "escrow");
        this.committer = Objects.requireNonNull(committer, "committer");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    public RewrapSettings settings() {
        return settings;
    }

    /**
     * @throws dev.ctx.keyservice.participants.NotFoundException if the participant does not exist (404)
     * @throws ConflictException if {@code toVersion} is not its current ACTIVE version (409)
     * @throws dev.ctx.keyservice.audit.AuditUnavailableException if the batch's event was not committed (503)
     */
    public List<RewrapResult> rewrap(AuditContext context, RewrapBatch batch) {
        if (batch.items().size() > settings.maxItems()) {
            throw new IllegalArgumentException("at most " + settings.maxItems() + " items per batch");
        }
        Recipient target = target(batch.participant(), batch.toVersion());
        List<RewrapResult> results;
        // one epoch per batch: one X25519 encapsulation for the target key instead of one per envelope
        try (EnvelopeRewrapper.EpochBatch epoch = rewrapper.epochBatch()) {
            results = escrow.withinOneBatch(context, escrowRewrapper -> {
                List<RewrapResult> answered = new ArrayList<>(batch.items().size());
                for (RewrapItem item : batch.items()) {
                    answered.add(items.rewrap(context, target, item, epoch, escrowRewrapper));
                }
                return answered;
            });
        }
        committer.commit(event(context, batch, results), settings.commitTimeout());
        results.forEach(this::count);
        return List.copyOf(results);
    }

    private void count(RewrapResult result) {
        String outcome =
                result instanceof RewrapResult.Failed failed ? failed.error().name() : "REWRAPPED";
        Counter.builder("ctx.keyservice.rewrap.items")
                .description("rewrap batch items answered, by result")
                .tag("result", outcome)
                .register(meters)
                .increment();
    }

    private Recipient target(ParticipantId id, int toVersion) {
        Participant participant = states.require(id).participant();
        if (participant.status() == ParticipantStatus.REVOKED) {
            throw new ConflictException("participant " + id + " is revoked; its wraps are removed, not rewrapped");
        }
        if (participant.currentVersion() != toVersion) {
            throw new ConflictException("key " + id + " v" + toVersion + " is not the current version (v"
                    + participant.currentVersion() + "); rewrap only to the current version");
        }
        KeyVersion key = participant
                .key(toVersion)
                .filter(k -> k.status() == KeyStatus.ACTIVE)
                .orElseThrow(() -> new ConflictException("key " + id + " v" + toVersion + " is not ACTIVE"));
        return new Recipient(id.value(), toVersion, key.publicKey());
    }

    /** Coordinates only: versions and counts, never a wrap. */
    private AccessEvent event(AuditContext context, RewrapBatch batch, List<RewrapResult> results) {
        String id = batch.participant().value();
        TreeSet<Integer> from = new TreeSet<>();
        batch.items().forEach(item -> from.add(item.keyVersion()));
        long rewrapped = results.stream()
                .filter(r -> r instanceof RewrapResult.Rewrapped)
                .count();
        long viaEscrow = results.stream()
                .filter(r -> r instanceof RewrapResult.Rewrapped done && done.viaEscrowKey())
                .count();
        List<String> keys = new ArrayList<>();

        from.forEach(v -> keys.add("key:" + id + "/v" + v));
        keys.add("key:" + id + "/v" + batch.toVersion());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("participantId", id);
        attributes.put(
                "fromVersions",
                String.join(",", from.stream().map(String::valueOf).toList()));
        attributes.put("toVersion", Integer.toString(batch.toVersion()));
        attributes.put("items", Integer.toString(batch.items().size()));
        attributes.put("rewrapped", Long.toString(rewrapped));
        attributes.put("failed", Long.toString(results.size() - rewrapped));
        attributes.put("escrowKeyUsed", Long.toString(viaEscrow));
        attributes.put(
                "transactions",
                Long.toString(batch.items().stream()
                        .map(RewrapItem::transactionId)
                        .distinct()
                        .count()));
        return events.lifecycle(AccessEventType.REWRAPPED, id, context, List.copyOf(new TreeSet<>(keys)), attributes);
    }
}
