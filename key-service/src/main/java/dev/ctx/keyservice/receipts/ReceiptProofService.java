package dev.ctx.keyservice.receipts;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.Opening;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.RangeProof;
import dev.ctx.envelope.receipts.SumProof;
import dev.ctx.envelope.receipts.SumStatement;
import dev.ctx.keyservice.access.ParticipantDirectory;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.audit.AuditUnavailableException;
import dev.ctx.keyservice.auth.Identity;
import dev.ctx.keyservice.auth.Role;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.lookup.LookupResult;
import dev.ctx.keyservice.lookup.ParticipantTransactions;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.Participant;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Answers receipt-proof requests for participants whose keys the service holds: step-up, the caller is the
 * participant (ACTIVE, KYC VERIFIED), each transaction is known, not shredded and lists it; then each transaction's
 * amount and receipt blinding are opened with the participant's own wrap and custodial key, the proof is built, and
 * exactly one {@code RECEIPT_PROOF_GENERATED} event is committed <em>before</em> the proof is answered. A refusal is
 * one {@code ACCESS_DENIED} event (purpose {@code receipt-proof}). An event that is not committed makes the answer
 * 503 {@code AUDIT_UNAVAILABLE} with no proof (fail closed). The blindings and amounts never leave this class except
 * inside a proof. Thread-safe.
 */
public final class ReceiptProofService {

    /** The purpose recorded in the access events of this path. */
    public static final String PURPOSE = "receipt-proof";

    private static final Logger LOGGER = LoggerFactory.getLogger(ReceiptProofService.class);
    private static final List<String> OPENED_FIELDS = List.of("amount", "receiptBlinding");

    private final TransactionLookup lookup;
    private final ParticipantTransactions byParticipant;
    private final ParticipantDirectory participants;
    private final ReceiptOpenings openings;
    private final AccessEventCommitter committer;
    private final AccessEvents events;
    private final ReceiptProofSettings settings;
    private final SecureRandom random;

    /**
     * @param byParticipant resolves a request's participant and time range to transaction ids
     * @param keys lends unsealed custodial keys (the access path's cache)
     */
    public ReceiptProofService(
            TransactionLookup lookup,
            ParticipantTransactions byParticipant,
            ParticipantDirectory participants,
            CustodialKeys keys,
            AccessEventCommitter committer,
            AccessEvents events,
            ReceiptProofSettings settings,
            SecureRandom random) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.byParticipant = Objects.requireNonNull(byParticipant, "byParticipant");
        this.participants = Objects.requireNonNull(participants, "participants");
        this.openings = new ReceiptOpenings(keys);
        this.committer = Objects.requireNonNull(committer, "committer");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    public ReceiptProofSettings settings() {
        return settings;
    }

    /** Checks, opens, proves and audits {@code request} by {@code identity}. */
    public ProofAnswer handle(Identity identity, AuditContext context, ProofRequest request) {
        try {
            requireCaller(identity, request.participant());
            List<String> ids = transactionIds(request);
            List<LookupResult.Found> found = new ArrayList<>(ids.size());
            for (String id : ids) {
                found.add(found(request.participant(), id));
            }
            return generated(context, request, ids, openings.openAll(context, request.participant(), found));
        } catch (ProofRefusal refusal) {
            if (refusal.reason() == ProofDenial.INTEGRITY_FAILURE) {
                LOGGER.atWarn()
                        .addKeyValue("transactionId", refusal.transactionId())
                        .log("integrity failure on a receipt-proof request");
            }
            return audited(
                    context,
                    request.kind(),
                    refusal.transactionId(),
                    new ProofAnswer.Refused(refusal.reason(), refusal.getMessage()));
        }
    }

    /** A request whose body was malformed (400): still one {@code ACCESS_DENIED} event. */
    public ProofAnswer refuseMalformed(AuditContext context, String detail) {
        return audited(context, null, null, new ProofAnswer.Refused(ProofDenial.MALFORMED_REQUEST, detail));
    }

    private void requireCaller(Identity identity, String participant) {
        if (settings.requireMfa() && !identity.hasSteppedUp()) {
            throw new ProofRefusal(
                    ProofDenial.STEP_UP_REQUIRED,
                    null,
                    "receipt proofs open custodial keys: they need a second factor (JWT amr mfa, otp or hwk) or a "
                            + "client certificate");
        }
        if (identity.role() != Role.PARTICIPANT || !identity.subject().equals(participant)) {
            throw new ProofRefusal(
                    ProofDenial.NOT_A_PARTICIPANT,
                    null,
                    "only participant " + participant + " itself may ask for proofs from its transactions");
        }
        Optional<Participant> entry = participants.find(participant);
        if (entry.isEmpty()) {
            throw new ProofRefusal(ProofDenial.NOT_A_PARTICIPANT, null, participant + " is not in the registry");
        }
        if (entry.get().status() != ParticipantStatus.ACTIVE) {
            throw new ProofRefusal(
                    ProofDenial.PARTICIPANT_NOT_ACTIVE,
                    null,
                    "participant " + participant + " is " + entry.get().status());
        }
        if (entry.get().kycStatus() != KycStatus.VERIFIED) {
            throw new ProofRefusal(
                    ProofDenial.KYC_NOT_VERIFIED,
                    null,
                    "participant " + participant + " has KYC " + entry.get().kycStatus());
        }
    }

    private List<String> transactionIds(ProofRequest request) {
        int max = settings.maxTransactions();
        List<String> ids = request.byRange()
                ? byParticipant.transactionsOf(request.participant(), request.from(), request.to(), max + 1)
                : request.transactionIds();
        if (ids.size() > max) {
            throw new ProofRefusal(
                    ProofDenial.TOO_MANY_TRANSACTIONS,
                    null,
                    "a proof covers at most " + max + " transactions: narrow the range or split the list");
        }
        if (ids.isEmpty()) {
            throw new ProofRefusal(
                    ProofDenial.UNKNOWN_TRANSACTION,
                    null,
                    "participant " + request.participant() + " has no transaction in that range");
        }
        return ids;
    }

    private LookupResult.Found found(String participant, String id) {
        LookupResult result = lookup.find(id);
        if (result instanceof LookupResult.Unknown) {
            throw new ProofRefusal(ProofDenial.UNKNOWN_TRANSACTION, id, "no such transaction: " + id);
        }
        if (result instanceof LookupResult.Shredded) {
            throw new ProofRefusal(ProofDenial.SHREDDED, id, "transaction " + id + " was crypto-shredded");
        }
        LookupResult.Found found = (LookupResult.Found) result;
        if (!found.transaction().getParticipants().contains(participant)) {
            throw new ProofRefusal(
                    ProofDenial.NOT_A_PARTICIPANT, id, participant + " is not a participant of transaction " + id);
        }
        return found;
    }

    private ProofAnswer generated(AuditContext context, ProofRequest request, List<String> ids, List<Opening> opened) {
        List<ProofAnswer.Entry> entries = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            entries.add(new ProofAnswer.Entry(ids.get(i), opened.get(i).commit()));
        }
        BigInteger total = null;
        byte[] proof;
        switch (request.kind()) {
            case SUM -> {
                total = opened.stream().map(Opening::value).reduce(BigInteger.ZERO, BigInteger::add);
                if (request.statedTotal() != null && !request.statedTotal().equals(total)) {
                    throw new ProofRefusal(
                            ProofDenial.STATED_TOTAL_MISMATCH,
                            null,
                            "the amounts of the " + ids.size() + " transactions do not sum to the stated total: no "
                                    + "proof of a false statement is made");
                }
                proof = SumProof.prove(statement(request.participant(), entries, total), opened, random)
                        .toBytes();
            }
            case RANGE ->
                proof = RangeProof.prove(ids.get(0), commitment(entries), opened.get(0), random)
                        .toBytes();
            default ->
                proof = OpeningProof.prove(ids.get(0), commitment(entries), opened.get(0), random)
                        .toBytes();
        }
        String digest = sha256(proof);
        AccessEvent event = events.lifecycleOfTransaction(
                AccessEventType.RECEIPT_PROOF_GENERATED,
                request.participant(),
                ids.size() == 1 ? ids.get(0) : null,
                context,
                OPENED_FIELDS,
                attributes(request, ids.size(), context, digest));
        ProofAnswer.Refused failed = commit(event);
        if (failed != null) {
            return failed;
        }
        return new ProofAnswer.Generated(
                request.kind(),
                request.participant(),
                entries,
                total,
                ReceiptOpenings.AMOUNT_SCALE,
                proof,
                digest,
                event.getEventId());
    }

    /** The statement a sum proof is made (and verified) for. */
    static SumStatement statement(String participant, List<ProofAnswer.Entry> entries, BigInteger total) {
        return new SumStatement(
                participant,
                entries.stream()
                        .map(e -> new SumStatement.Entry(e.transactionId(), e.commitment()))
                        .toList(),
                total);
    }

    private static Commitment commitment(List<ProofAnswer.Entry> entries) {
        return entries.get(0).commitment();
    }

    private static Map<String, String> attributes(
            ProofRequest request, int count, AuditContext context, String digest) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("kind", request.kind().wireName());
        attributes.put("transactionCount", Integer.toString(count));
        attributes.put("participant", request.participant());
        attributes.put("requester", context.requester());
        attributes.put("proofDigest", digest);
        attributes.put("status", "200");
        if (request.byRange()) {
            attributes.put("from", request.from().toString());
            attributes.put("to", request.to().toString());
        }
        return attributes;
    }

    private ProofAnswer audited(
            AuditContext context, ProofKind kind, String transactionId, ProofAnswer.Refused refused) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("status", Integer.toString(refused.reason().status()));
        if (kind != null) {
            attributes.put("kind", kind.wireName());
        }
        AccessEvent event = events.accessDecision(
                false,
                transactionId,
                context,
                PURPOSE,
                null,
                List.of(),
                refused.reason().name() + ": " + refused.detail(),
                attributes);
        ProofAnswer.Refused failed = commit(event);
        return failed != null ? failed : refused;
    }

    /** Null once committed; the 503 answer otherwise. */
    private ProofAnswer.Refused commit(AccessEvent event) {
        try {
            committer.commit(event, settings.commitTimeout());
            return null;
        } catch (AuditUnavailableException e) {
            return new ProofAnswer.Refused(
                    ProofDenial.AUDIT_UNAVAILABLE,
                    "the access event could not be committed; no proof was released, retry later");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
