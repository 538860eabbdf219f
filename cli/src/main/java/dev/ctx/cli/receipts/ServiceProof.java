package dev.ctx.cli.receipts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.envelope.error.InvalidInputException;
import dev.ctx.envelope.receipts.Commitment;

/**
 * A proof the key service generated from custodial data ({@code POST /v1/receipts/proofs}, docs/receipts.md), as
 * answered: its statement (participant, transactions and the commitments the service recomputed, total) and the proof
 * bytes. Nothing in it is trusted: {@link ServiceProofCheck} verifies it against {@code transactions.receipts}.
 * Immutable.
 */
final class ServiceProof {

    /** One transaction of the statement, with the commitment the service answered. */
    record Entry(String transactionId, Commitment commitment) {}

    private final String kind;
    private final String participant;
    private final List<Entry> transactions;
    private final BigInteger total;
    private final int amountScale;
    private final byte[] proof;
    private final String proofDigest;
    private final String eventId;

    private ServiceProof(
            String kind,
            String participant,
            List<Entry> transactions,
            BigInteger total,
            int amountScale,
            byte[] proof,
            String proofDigest,
            String eventId) {
        this.kind = kind;
        this.participant = participant;
        this.transactions = List.copyOf(transactions);
        this.total = total;
        this.amountScale = amountScale;
        this.proof = proof.clone();
        this.proofDigest = proofDigest;
        this.eventId = eventId;
    }

    /** {@code sum}, {@code range} or {@code opening}. */
    String kind() {
        return kind;
    }

    String participant() {
        return participant;
    }

    List<Entry> transactions() {
        return transactions;
    }

    /** The stated sum in minor units (sum only), else null. */
    BigInteger total() {
        return total;
    }

    int amountScale() {
        return amountScale;
    }

    byte[] proof() {
        return proof.clone();
    }

    /** As answered; empty when absent. */
    String proofDigest() {
        return proofDigest;
    }

    String eventId() {
        return eventId;
    }

    /**
     * @throws InvalidInputException if a field is missing or malformed
     * @throws dev.ctx.envelope.error.InvalidPointException if a commitment is not a valid point
     */
    static ServiceProof parse(JsonNode answer) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode transaction : required(answer, "transactions")) {
            entries.add(new Entry(
                    text(transaction, "transactionId"), Commitment.parse(base64(text(transaction, "commitment")))));
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("the proof answer names no transaction");
        }
        JsonNode total = answer.path("total");
        return new ServiceProof(
                text(answer, "kind"),
                text(answer, "participant"),
                entries,
                total.isTextual() ? new BigInteger(total.asText()) : null,
                answer.path("amountScale").asInt(8),
                base64(text(answer, "proof")),
                answer.path("proofDigest").asText(""),
                answer.path("eventId").asText(""));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInputException("the proof answer has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new InvalidInputException("the proof answer's " + field + " is not a string");
        }
        return value.asText();
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the proof answer holds a value that is not base64");
        }
    }

    @Override
    public String toString() {
        return "ServiceProof[" + kind + ", " + transactions.size() + " transactions]";
    }
}
