package dev.ctx.client.auditlog;

import java.util.Optional;

/** The outcome of checking an inclusion proof: valid, or the kind of failure and a detail without event content. */
public record ProofVerdict(Optional<BreakKind> failure, String detail) {

    static ProofVerdict valid(String detail) {
        return new ProofVerdict(Optional.empty(), detail);
    }

    static ProofVerdict invalid(BreakKind kind, String detail) {
        return new ProofVerdict(Optional.of(kind), detail);
    }

    /** Whether the proof holds. */
    public boolean valid() {
        return failure.isEmpty();
    }
}
