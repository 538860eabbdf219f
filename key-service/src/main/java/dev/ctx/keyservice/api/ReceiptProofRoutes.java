package dev.ctx.keyservice.api;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

import io.javalin.http.HandlerType;

import dev.ctx.keyservice.auth.AccessRule;
import dev.ctx.keyservice.receipts.ProofAnswer;
import dev.ctx.keyservice.receipts.ProofKind;
import dev.ctx.keyservice.receipts.ProofRequest;
import dev.ctx.keyservice.receipts.ReceiptProofService;
import dev.ctx.keyservice.receipts.ReceiptProofSettings;

/**
 * {@code POST /v1/receipts/proofs}: an authenticated participant asks the service to prove a fact about the amounts of
 * its own transactions from its custodial data (sum, range or opening); the proof is answered only after its
 * {@code RECEIPT_PROOF_GENERATED} event is committed, a refusal after its {@code ACCESS_DENIED} event. Documented in
 * {@code docs/receipts.md}.
 */
final class ReceiptProofRoutes {

    static final String PATH = "/v1/receipts/proofs";
    /** A body naming 1,000 transaction ids of 256 characters, with JSON escapes, fits. */
    static final long MAX_BODY_BYTES = 1024L * 1024;

    private static final String SCHEME = "ctx-receipts/v1";
    private static final int MAX_TRANSACTION_ID = 256;
    private static final int MAX_PARTICIPANT_ID = 128;
    private static final String TOTAL = "[0-9]{1,77}";

    private final ReceiptProofService proofs;

    ReceiptProofRoutes(ReceiptProofService proofs) {
        this.proofs = proofs;
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute(HandlerType.POST, PATH, AccessRule.AUTHENTICATED, this::request));
    }

    /**
     * The request body.
     *
     * @param kind {@code sum}, {@code range} or {@code opening}
     * @param participant whose transactions (the caller)
     * @param transactionIds the transactions, in the statement's order (range and opening: exactly one)
     * @param from with {@code to}, instead of ids (sum only): the participant's transactions in [from, to)
     * @param to the range's exclusive end
     * @param statedTotal the sum in minor units, decimal digits (sum only; absent: the service states the sum)
     */
    record Body(
            String kind, String participant, List<String> transactionIds, String from, String to, String statedTotal) {

        ProofRequest parsed() {
            ProofKind parsedKind =
                    ProofKind.fromWireName(kind).orElseThrow(() -> invalid("kind must be one of sum, range, opening"));
            if (participant == null
                    || participant.isEmpty()
                    || participant.length() > MAX_PARTICIPANT_ID
                    || participant.chars().anyMatch(Character::isISOControl)) {
                throw invalid(
                        "participant must be 1.." + MAX_PARTICIPANT_ID + " characters without control characters");
            }
            boolean byIds = transactionIds != null;
            boolean byRange = from != null || to != null;
            if (byIds == byRange) {
                throw invalid("name either transactionIds or from and to, not both");
            }
            if (parsedKind != ProofKind.SUM && (byRange || transactionIds.size() != 1)) {
                throw invalid("a " + parsedKind.wireName() + " proof names exactly one transaction in transactionIds");
            }
            if (parsedKind != ProofKind.SUM && statedTotal != null) {
                throw invalid("statedTotal belongs to a sum proof only");
            }
            if (statedTotal != null && !statedTotal.matches(TOTAL)) {
                throw invalid("statedTotal must be the sum in minor units, 1..77 decimal digits");
            }
            BigInteger total = statedTotal == null ? null : new BigInteger(statedTotal);
            if (byIds) {
                return new ProofRequest(parsedKind, participant, ids(), null, null, total);
            }
            Instant start = instant("from", from);
            Instant end = instant("to", to);
            if (!start.isBefore(end)) {
                throw invalid("from must be before to");
            }
            return new ProofRequest(parsedKind, participant, null, start, end, total);
        }

        /** The ids, checked for form and duplicates; more than the limit is the service's refusal (with its reason). */
        private List<String> ids() {
            if (transactionIds.isEmpty()) {
                throw invalid("transactionIds names at least one transaction");
            }
            if (transactionIds.size() <= ReceiptProofSettings.MAX_TRANSACTIONS
                    && new HashSet<>(transactionIds).size() != transactionIds.size()) {
                throw invalid("transactionIds names a transaction twice");
            }
            for (String id : transactionIds) {
                if (id == null
                        || id.isEmpty()
                        || id.length() > MAX_TRANSACTION_ID
                        || id.chars().anyMatch(Character::isISOControl)) {
                    throw invalid("each transaction id must be 1.." + MAX_TRANSACTION_ID
                            + " characters without control characters");
                }
            }
            return List.copyOf(transactionIds);
        }

        private static Instant instant(String field, String value) {
            if (value == null) {
                throw invalid("a range names both from and to");
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw invalid(field + " must be an ISO-8601 instant");
            }
        }

        private static ApiException invalid(String detail) {
            return ApiException.badRequest("invalid-field", detail);
        }
    }

    /** One transaction of the answered statement: the verifier compares the commitment with the receipt's. */
    record Transaction(String transactionId, String commitment) {}

    /** The 200 body: the statement, the proof (standard base64) and the event that recorded it. */
    record Generated(
            String kind,
            String scheme,
            String participant,
            List<Transaction> transactions,
            String total,
            int amountScale,
            String proof,
            String proofDigest,
            String eventId) {}

    private void request(ApiCall call) {
        ProofAnswer answer;
        try {
            ProofRequest request = call.body(Body.class, MAX_BODY_BYTES).parsed();
            answer = proofs.handle(call.identity(), call.audit(), request);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            answer = proofs.refuseMalformed(call.audit(), e.getMessage());
        }
        if (answer instanceof ProofAnswer.Generated generated) {
            call.respond(200, body(generated));
        } else {
            ProofAnswer.Refused refused = (ProofAnswer.Refused) answer;
            Refusals.answer(
                    call,
                    Refusals.PROBLEMS,
                    refused.reason().name(),
                    refused.reason().status(),
                    refused.detail());
        }
    }

    private static Generated body(ProofAnswer.Generated generated) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new Generated(
                generated.kind().wireName(),
                SCHEME,
                generated.participant(),
                generated.entries().stream()
                        .map(e -> new Transaction(
                                e.transactionId(),
                                base64.encodeToString(e.commitment().toBytes())))
                        .toList(),
                generated.total() == null ? null : generated.total().toString(),
                generated.amountScale(),
                base64.encodeToString(generated.proof()),
                generated.proofDigest(),
                generated.eventId());
    }
}
