package dev.ctx.cli.audit;

/**
 * Where {@code ctx audit report} gets the chain status it shows. The verifier ({@code ctx audit verify}'s
 * {@code ChainVerifier}) implements it; without one the report says "not checked" and claims nothing.
 */
@FunctionalInterface
public interface ChainStatusSource {

    /** Verifies (or looks up a verification of) the chain the report covers. */
    ChainStatus chainStatus();

    /** The source used until a verifier is wired in: always {@link ChainStatus.Verdict#NOT_CHECKED}. */
    static ChainStatusSource notChecked() {
        return () -> ChainStatus.notChecked(
                "No verifier ran for this report: the chain, checkpoint signatures and Merkle roots were not checked."
                        + " Run 'ctx audit verify' for that.");
    }
}
