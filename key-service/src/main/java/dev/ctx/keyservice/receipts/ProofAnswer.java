package dev.ctx.keyservice.receipts;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import dev.ctx.envelope.receipts.Commitment;

/** What a receipt-proof request gets: the proof with its statement, or a refusal. */
public sealed interface ProofAnswer {

    /**
     * A proof, answered after its {@code RECEIPT_PROOF_GENERATED} event was committed.
     *
     * @param entries the statement's transactions and their commitments (recomputed from the sealed openings), in
     *        the statement's order
     * @param total the summed amount in minor units for a sum proof; null otherwise
     * @param proof the proof bytes (docs/receipts.md layouts)
     * @param proofDigest lower-case hex SHA-256 of {@code proof}, also in the event
     */
    record Generated(
            ProofKind kind,
            String participant,
            List<Entry> entries,
            BigInteger total,
            int amountScale,
            byte[] proof,
            String proofDigest,
            String eventId)
            implements ProofAnswer {

        public Generated {
            entries = List.copyOf(entries);
            proof = proof.clone();
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public String toString() {
            return "Generated[kind=" + kind + ", transactions=" + entries.size() + ", eventId=" + eventId + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Generated that && eventId.equals(that.eventId);
        }

        @Override
        public int hashCode() {
            return eventId.hashCode();
        }
    }

    /** One transaction of a statement. */
    record Entry(String transactionId, Commitment commitment) {
        public Entry {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(commitment, "commitment");
        }
    }

    /** No proof: {@code detail} names no secret. */
    record Refused(ProofDenial reason, String detail) implements ProofAnswer {}
}
