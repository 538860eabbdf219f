package dev.ctx.keyservice.receipts;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import dev.ctx.envelope.receipts.Commitment;

/** What a receipt-proof request gets: the proof with its statement, or a refusal. */
public sealed interface ProofAnswer {

    /** A proof, answered after its {@code RECEIPT_PROOF_GENERATED} event was committed. Immutable. */
    final class Generated implements ProofAnswer {

        private final ProofKind kind;
        private final String participant;
        private final List<Entry> entries;
        private final BigInteger total;
        private final int amountScale;
        private final byte[] proof;
        private final String proofDigest;
        private final String eventId;

        /**
         * @param entries the statement's transactions and their commitments (recomputed from the sealed openings),
         *        in the statement's order
         * @param total the summed amount in minor units for a sum proof; null otherwise
         * @param proof the proof bytes (docs/receipts.md layouts)
         * @param proofDigest lower-case hex SHA-256 of {@code proof}, also in the event
         */
        public Generated(
                ProofKind kind,
                String participant,
                List<Entry> entries,
                BigInteger total,
                int amountScale,
                byte[] proof,
                String proofDigest,
                String eventId) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.participant = Objects.requireNonNull(participant, "participant");
            this.entries = List.copyOf(entries);
            this.total = total;
            this.amountScale = amountScale;
            this.proof = proof.clone();
            this.proofDigest = Objects.requireNonNull(proofDigest, "proofDigest");
            this.eventId = Objects.requireNonNull(eventId, "eventId");
        }

        public ProofKind kind() {
            return kind;
        }

        public String participant() {
            return participant;
        }

        public List<Entry> entries() {
            return entries;
        }

        /** The sum in minor units (sum proofs), else null. */
        public BigInteger total() {
            return total;
        }

        public int amountScale() {
            return amountScale;
        }

        public byte[] proof() {
            return proof.clone();
        }

        public String proofDigest() {
            return proofDigest;
        }

        public String eventId() {
            return eventId;
        }

        @Override
        public String toString() {
            return "Generated[kind=" + kind + ", transactions=" + entries.size() + ", eventId=" + eventId + "]";
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
