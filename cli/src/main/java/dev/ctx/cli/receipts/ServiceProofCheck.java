package dev.ctx.cli.receipts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.ctx.envelope.receipts.Commitment;
import dev.ctx.envelope.receipts.OpeningProof;
import dev.ctx.envelope.receipts.RangeProof;
import dev.ctx.envelope.receipts.SumProof;
import dev.ctx.envelope.receipts.SumStatement;
import dev.ctx.schemas.receipts.Receipt;

/**
 * Verifies a {@link ServiceProof} offline: every commitment is taken from {@code transactions.receipts} (never from the
 * answer), must equal the one the service recomputed from the sealed opening, and its receipt's opening proof must
 * verify; then the proof is verified for that statement with the envelope verifiers, and its digest checked.
 */
final class ServiceProofCheck {

    private ServiceProofCheck() {}

    /** Why {@code proof} does not verify against {@code receipts}; empty when it does. */
    static Optional<String> failure(ServiceProof proof, ReceiptBook receipts) {
        for (ServiceProof.Entry entry : proof.transactions()) {
            String id = entry.transactionId();
            Optional<Receipt> receipt = receipts.find(id);
            if (receipt.isEmpty()) {
                return Optional.of("no receipt for transaction " + id);
            }
            Commitment onTopic =
                    Commitment.parse(ReceiptFields.bytes(receipt.get().getCommitment()));
            if (!onTopic.equals(entry.commitment())) {
                return Optional.of("the commitment the key service answered for transaction " + id
                        + " is not the one on its receipt");
            }
            if (!OpeningProof.parse(ReceiptFields.bytes(receipt.get().getOpeningProof()))
                    .verify(id, onTopic)) {
                return Optional.of("the opening proof of transaction " + id + " does not verify");
            }
            if (!receipt.get().getParticipants().contains(proof.participant())) {
                return Optional.of("the receipt of transaction " + id + " does not list " + proof.participant());
            }
        }
        if (!proof.proofDigest().isEmpty() && !proof.proofDigest().equals(sha256(proof.proof()))) {
            return Optional.of("the proof digest does not match the proof bytes");
        }
        return verified(proof) ? Optional.empty() : Optional.of("the " + proof.kind() + " proof does NOT verify");
    }

    private static boolean verified(ServiceProof proof) {
        List<ServiceProof.Entry> entries = proof.transactions();
        ServiceProof.Entry first = entries.get(0);
        return switch (proof.kind()) {
            case "sum" ->
                proof.total() != null
                        && SumProof.parse(proof.proof())
                                .verify(new SumStatement(
                                        proof.participant(),
                                        entries.stream()
                                                .map(e -> new SumStatement.Entry(e.transactionId(), e.commitment()))
                                                .toList(),
                                        proof.total()));
            case "range" ->
                entries.size() == 1
                        && RangeProof.parse(proof.proof()).verify(first.transactionId(), first.commitment());
            case "opening" ->
                entries.size() == 1
                        && OpeningProof.parse(proof.proof()).verify(first.transactionId(), first.commitment());
            default -> false;
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
